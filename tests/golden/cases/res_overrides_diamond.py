# In a diamond D(B, C) with B(A), C(A), the MRO is D, B, C, A: D.ping overrides C.ping,
# the next definition in the MRO, not A.ping (which a depth-first walk D, B, A would pick).
class A:
    def ping(self):
        return "A"


class B(A):
    pass


class C(A):
    def ping(self):
        return "C"
        # ^ overrides: FUNCTION ping@4


class D(B, C):
    def ping(self):
        return "D"
        # ^ overrides: FUNCTION ping@13
        # ^ !overrides: FUNCTION ping@4
    # ^ CLASS inherits: CLASS B@8, CLASS C@12


assert [k.__name__ for k in D.__mro__] == ["D", "B", "C", "A", "object"]
