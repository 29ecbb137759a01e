# `import a.b as x` binds `x` to the submodule a.b itself, and does not bind `a`.
#--- path: a/__init__.py ---#
def top():
    return 0
#--- path: a/b.py ---#
def f():
    return 1
#--- path: main.py ---#
import a.b as x
#      ^ node: IMPORT name=x text=`a.b as x`
#      ^ imports_symbol: MODULE a.b
# ^ imports+: MODULE a.b
result = x.f()
#        ^ refers_to: MODULE a.b
#          ^ refers_to: FUNCTION f@a/b.py:1
#          ^ calls: FUNCTION f@a/b.py:1


def uses_a():
    return a.top()
    #      ^ refers_to:
    #        ^ !refers_to: FUNCTION top@a/__init__.py:1
    #      ^ !calls: FUNCTION top@a/__init__.py:1
