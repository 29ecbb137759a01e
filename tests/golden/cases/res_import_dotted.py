# `import a.b.c` imports a, a.b and a.b.c but binds only the name `a`; `a.b.c.f` then reads
# through the submodule attributes the import system sets on the packages, ending at the
# function defined in a/b/c.py.
#--- path: a/__init__.py ---#
#--- path: a/b/__init__.py ---#
#--- path: a/b/c.py ---#
def f():
    return 1
#--- path: main.py ---#
import a.b.c
#      ^ node: IMPORT name=a text=a.b.c
# ^ imports+: MODULE a.b.c
result = a.b.c.f()
#        ^ refers_to: MODULE a
#          ^ refers_to: MODULE a.b
#            ^ refers_to: MODULE a.b.c
#              ^ refers_to: FUNCTION f@a/b/c.py:1
#              ^ calls: FUNCTION f@a/b/c.py:1
#! edge: MODULE main CALLS_FUNCTION FUNCTION a.b.c.f


def reads_c():
    return c
    #      ^ refers_to:
