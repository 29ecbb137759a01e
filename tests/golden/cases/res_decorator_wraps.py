# A wrapping decorator (functools.wraps) rebinds the decorated name to the wrapper it
# returns: calling the name calls `wrapper`, and `wrapper` calls the original through
# the closure variable `fn`.
import functools


def logged(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs)
        #      ^ calls: FUNCTION compute@16
    return wrapper


@logged
def compute(x):
    return x + 1


value = compute(1)
#       ^ calls: FUNCTION wrapper@9
#       ^ !calls: FUNCTION compute@16
#! edge: FUNCTION main.logged.<locals>.wrapper CALLS_FUNCTION FUNCTION main.compute
#! edge: MODULE main CALLS_FUNCTION FUNCTION main.logged
#! edge: FUNCTION main.logged CALLS_FUNCTION EXTERNAL functools.wraps
