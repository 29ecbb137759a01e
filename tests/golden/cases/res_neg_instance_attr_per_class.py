# Instance attributes belong to the instances of the class that assigns them (and its
# subclasses): `self.cb` assigned in two unrelated classes holds different functions, and
# reading it through an instance of one class never gives the other's.
def f():
    return "f"


def g():
    return "g"


class A:
    def __init__(self):
        self.cb = f


class B:
    def __init__(self):
        self.cb = g


class SubA(A):
    pass


r1 = A().cb()
#         ^ calls: FUNCTION f@4
#         ^ !calls: FUNCTION g@8
r2 = SubA().cb()
#            ^ calls: FUNCTION f@4
#            ^ !calls: FUNCTION g@8
r3 = B().cb()
#         ^ calls: FUNCTION g@8
#         ^ !calls: FUNCTION f@4
assert (r1, r2, r3) == ("f", "f", "g")
