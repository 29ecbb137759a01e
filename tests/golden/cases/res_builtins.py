# Names found in no enclosing scope and no module global fall back to builtins, which are
# EXTERNAL nodes with qualname `builtins.NAME`; a module-level def of the same name
# shadows the builtin in its module only.
#--- path: main.py ---#
import shadow

n = len([1, 2])
#   ^ refers_to: EXTERNAL builtins.len
#   ^ calls: EXTERNAL builtins.len
items = list(range(3))
#       ^ calls: EXTERNAL builtins.list
#            ^ calls: EXTERNAL builtins.range
print(n, items)
#^ refers_to: EXTERNAL builtins.print
#^ calls: EXTERNAL builtins.print
m = shadow.count_items([1])
#! node: EXTERNAL name=len qualname=builtins.len
#! edge: MODULE main CALLS_FUNCTION EXTERNAL builtins.print
#--- path: shadow.py ---#
def len(obj):
    return 0


def count_items(xs):
    return len(xs)
    #      ^ refers_to: FUNCTION len@1
    #      ^ calls: FUNCTION len@1
    #      ^ !calls: EXTERNAL builtins.len


def local_print():
    print = str
    return print(1)
    #      ^ refers_to: VARIABLE print@13
    #      ^ calls: EXTERNAL builtins.str
    #      ^ !calls: EXTERNAL builtins.print
