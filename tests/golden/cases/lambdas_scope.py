# A lambda's defaults are evaluated in the enclosing scope, its body in its own scope
# (which sees the enclosing function's locals but not a class body's names).
y = 1
f = lambda x, y=y: x + y
#               ^ refers_to: VARIABLE y@3
#                  ^ refers_to: PARAMETER x@4
#                      ^ refers_to: PARAMETER y@4
#             ^ node: PARAMETER name=y qualname=main.<lambda>.<locals>.y


def scale(factor):
    return list(map(lambda v: v * factor, [1]))
    #                         ^ refers_to: PARAMETER v@12
    #                             ^ refers_to: PARAMETER factor@11


class K:
    base = 2
    get = lambda self: base
    #                  ^ refers_to:
