# @staticmethod and @classmethod functions are called through the class and through an
# instance; a classmethod's `cls()` constructs the class it was called on (here through
# the class itself, so it calls the class's __init__).
class Factory:
    def __init__(self, value):
        self.value = value

    @staticmethod
    def double(x):
        return 2 * x

    @classmethod
    def make(cls, x):
        return cls(Factory.double(x))
        #      ^ calls+: CLASS Factory@4, FUNCTION __init__@5
        #                  ^ calls: FUNCTION double@9


f = Factory.make(3)
#           ^ refers_to: FUNCTION make@13
#           ^ calls: FUNCTION make@13
g = f.double(4)
#     ^ calls: FUNCTION double@9
h = f.make(5)
#     ^ calls: FUNCTION make@13
assert f.value == 6 and g == 8 and h.value == 10
