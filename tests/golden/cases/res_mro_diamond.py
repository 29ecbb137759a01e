# C3 linearisation of a diamond: D(B, C) with B(A), C(A) has MRO D, B, C, A, object, so
# D().greet() finds C.greet, not A.greet (a depth-first search D, B, A would stop at A).
class A:
    def greet(self):
        return "A"


class B(A):
    pass


class C(A):
    def greet(self):
        return "C"


class D(B, C):
    pass


d = D()
result = d.greet()
#          ^ refers_to: FUNCTION greet@13
#          ^ calls: FUNCTION greet@13
#          ^ !calls: FUNCTION greet@4
assert result == "C"
b_result = B().greet()
#               ^ calls: FUNCTION greet@4
