# A parameter's default value flows into it when the caller omits the argument; keyword
# arguments reach the parameter of that name (also keyword-only ones).
def default_cb():
    return "default"


def custom_cb():
    return "custom"


def other_cb():
    return "other"


def run(cb=default_cb, *, post=other_cb):
    return cb(), post()
    #      ^ calls: FUNCTION default_cb@3, FUNCTION custom_cb@7
    #            ^ calls: FUNCTION other_cb@11


run()
run(cb=custom_cb)
