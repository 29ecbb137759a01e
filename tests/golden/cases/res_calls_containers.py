# Functions stored in dicts, lists and tuples are called through subscripts, iteration and
# tuple unpacking. CPython calls exactly the element selected; an analysis may merge the
# elements of one container, but never calls a function the container does not hold.
def f():
    return "f"


def g():
    return "g"


def not_stored():
    return "x"


table = {"a": f, "b": g}
r1 = table["a"]()
#    ^ calls+: FUNCTION f@4
#    ^ !calls: FUNCTION not_stored@12

funcs = [f, g]
r2 = funcs[1]()
#    ^ calls+: FUNCTION g@8
#    ^ !calls: FUNCTION not_stored@12

for fn in (f, g):
    fn()
    # ^ calls: FUNCTION f@4, FUNCTION g@8

first, second = f, g
r3 = first()
#    ^ calls+: FUNCTION f@4
#    ^ !calls: FUNCTION not_stored@12
r4 = second()
#    ^ calls+: FUNCTION g@8
