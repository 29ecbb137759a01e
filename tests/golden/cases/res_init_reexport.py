# A package __init__ that re-exports names from a private submodule: every use of the
# re-exported name, through `from pkg import X` or `pkg.X`, refers to the original
# definition in the submodule, not to the import statement in __init__.py.
#--- path: pkg/__init__.py ---#
from ._impl import Engine, start
#                  ^ imports_symbol: CLASS Engine@pkg/_impl.py:1
#--- path: pkg/_impl.py ---#
class Engine:
    def __init__(self, power):
        self.power = power


def start():
    return Engine(1)
#--- path: main.py ---#
import pkg
from pkg import Engine, start
#               ^ imports_symbol: CLASS Engine@pkg/_impl.py:1
#                       ^ imports_symbol: FUNCTION start@pkg/_impl.py:6

e = Engine(2)
#   ^ refers_to: CLASS Engine@pkg/_impl.py:1
#   ^ calls: CLASS Engine@pkg/_impl.py:1, FUNCTION __init__@pkg/_impl.py:2
s = pkg.start()
#       ^ refers_to: FUNCTION start@pkg/_impl.py:6
#       ^ calls: FUNCTION start@pkg/_impl.py:6
t = start()
#   ^ refers_to: FUNCTION start@pkg/_impl.py:6
k = pkg.Engine
#       ^ refers_to: CLASS Engine@pkg/_impl.py:1
