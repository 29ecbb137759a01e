# C3 with two independent hierarchies: class Z(K1, K2) where K1(A, B) and K2(B, C) gives
# the MRO Z, K1, A, K2, B, C, object. `who` is defined in B and C only; Z().who() finds
# B.who. `both` is defined on A and K2: the MRO reaches A (position 2) before K2 (3).
class A:
    def both(self):
        return "A"


class B:
    def who(self):
        return "B"


class C:
    def who(self):
        return "C"


class K1(A, B):
    pass


class K2(B, C):
    def both(self):
        return "K2"


class Z(K1, K2):
    pass
    # ^ inherits: CLASS K1@19, CLASS K2@23


z = Z()
w = z.who()
#     ^ calls: FUNCTION who@10
#     ^ !calls: FUNCTION who@15
o = z.both()
#     ^ calls: FUNCTION both@5
#     ^ !calls: FUNCTION both@24
assert (w, o) == ("B", "A")
