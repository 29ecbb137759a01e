# *args/**kwargs forwarding: `wrapper` passes its packed arguments on to `call_it`, whose
# `fn` receives the function given positionally or by keyword to `wrapper`.
def target_a(x):
    return x


def target_b(x):
    return -x


def call_it(fn, *args, **kwargs):
    return fn(*args, **kwargs)
    #      ^ calls: FUNCTION target_a@3, FUNCTION target_b@7


def wrapper(*args, **kwargs):
    return call_it(*args, **kwargs)
    #      ^ calls: FUNCTION call_it@11


wrapper(target_a, 1)
wrapper(fn=target_b, x=2)
