# Calling through an alias calls what the alias holds. `h` is assigned `f` and then `g`:
# CPython calls g; a flow-insensitive analysis may add f, so only g is required.
def f():
    return "f"


def g():
    return "g"


alias = f
a = alias()
#   ^ refers_to: VARIABLE alias@11
#   ^ calls: FUNCTION f@3

h = f
h = g
b = h()
#   ^ calls+: FUNCTION g@7


def only_g():
    k = g
    return k()
    #      ^ calls: FUNCTION g@7
