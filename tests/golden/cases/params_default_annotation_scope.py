# Defaults and annotations are evaluated where the def runs (the enclosing scope), not in
# the function's own scope, even when the function binds the same names.
T = int
D = 5


def f(x: T = D) -> T:
#        ^ refers_to: T@3
#            ^ refers_to: D@4
#                  ^ refers_to: T@3
    T = str
    D = 6
    return x, T, D
    #      ^ refers_to: PARAMETER x@7
    #         ^ refers_to: T@11
    #            ^ refers_to: D@12


class C:
    default = 1

    def m(self, value=default):
    #                 ^ refers_to: default@20
        return value
