# A binding that runs on every path to a read hides the bindings before it: assignments,
# parameters, imports, defs (bound at the end of the def) and `del`.
from os import path
from posixpath import path
print(path)
#     ^ refers_to: EXTERNAL posixpath.path
x = 1
x = 2
print(x)
#     ^ refers_to: x@8
x = x + 1
#   ^ refers_to: x@8


def scale(factor):
    factor = factor * 2
    #        ^ refers_to: PARAMETER factor@15
    return factor
    #      ^ refers_to: VARIABLE factor@16


class Temperature:
    @property
    def celsius(self):
        return 0

    @celsius.setter
    #^ refers_to: FUNCTION celsius@24
    def celsius(self, value):
        pass

    alias = celsius
    #       ^ refers_to: FUNCTION celsius@29


y = 1
del y
y = 2
print(y)
#     ^ refers_to: y@38
