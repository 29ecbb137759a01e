# `from . import m` inside a package imports the sibling submodule pkg.m (the package
# __init__ has no attribute `m`, so the import system loads the submodule) and binds `m`
# to that module; an alias binds the same module under another name.
#--- path: pkg/__init__.py ---#
#--- path: pkg/m.py ---#
def f():
    return 1
#--- path: pkg/user.py ---#
from . import m
#             ^ imports_symbol: MODULE pkg.m
# ^ imports+: MODULE pkg.m
from . import m as other
#             ^ imports_symbol: MODULE pkg.m


def run():
    return m.f(), other.f()
    #      ^ refers_to: MODULE pkg.m
    #        ^ refers_to: FUNCTION f@pkg/m.py:1
    #        ^ calls: FUNCTION f@pkg/m.py:1
    #             ^ refers_to: MODULE pkg.m
    #                   ^ calls: FUNCTION f@pkg/m.py:1
    # ^ FUNCTION calls_function: FUNCTION f@pkg/m.py:1
#--- path: main.py ---#
from pkg import user
assert user.run() == (1, 1)
#           ^ calls: FUNCTION run@pkg/user.py:8
