# Iterating over a generator call calls the generator function; the values it yields flow
# into the loop variable, so calling the loop variable calls the yielded functions.
def on_a():
    return "a"


def on_b():
    return "b"


def handlers():
    yield on_a
    yield on_b


def dispatch():
    out = []
    for h in handlers():
        #    ^ calls: FUNCTION handlers@11
        out.append(h())
        #          ^ calls: FUNCTION on_a@3, FUNCTION on_b@7
    return out
    # ^ FUNCTION calls_function+: FUNCTION handlers@11, FUNCTION on_a@3, FUNCTION on_b@7


assert dispatch() == ["a", "b"]
