# DECORATES goes from the function or class a decorator names (for a call decorator, the
# called name) to the decorated definition, with the decorator's position.
import functools


def plain(fn):
    return fn
    # ^ FUNCTION decorates+: FUNCTION one@19, FUNCTION two@28, CLASS Widget@34


def factory(tag):
    def wrap(fn):
        return fn
    return wrap


@plain
#^ refers_to: FUNCTION plain@6
def one():
    pass
    # ^ decorated_by: FUNCTION plain@6
    # ^ FUNCTION prop: decorators~plain


@factory("x")
#^ refers_to: FUNCTION factory@11
@plain
def two():
    pass
    # ^ decorated_by: FUNCTION factory@11, FUNCTION plain@6


@plain
class Widget:
    pass
    # ^ CLASS decorated_by: FUNCTION plain@6


@functools.lru_cache
def cached():
    pass
    # ^ FUNCTION prop: decorators~lru_cache
    # ^ !decorated_by: plain@6


def undecorated():
    pass
    # ^ decorated_by:
