# A name passed along a chain of imports (a -> b -> c -> main, renamed on the way) still
# refers to the one original definition in a.py.
#--- path: a.py ---#
def original():
    return "a"
#--- path: b.py ---#
from a import original
#--- path: c.py ---#
from b import original as renamed
#                         ^ imports_symbol: FUNCTION original@a.py:1
#--- path: main.py ---#
import c
from c import renamed as final
#              ^ imports_symbol: FUNCTION original@a.py:1

x = c.renamed()
#     ^ refers_to: FUNCTION original@a.py:1
#     ^ calls: FUNCTION original@a.py:1
y = final()
#   ^ refers_to: FUNCTION original@a.py:1
#   ^ calls: FUNCTION original@a.py:1
#! edge: MODULE main CALLS_FUNCTION FUNCTION a.original
#! !edge: MODULE main CALLS_FUNCTION FUNCTION b.original
