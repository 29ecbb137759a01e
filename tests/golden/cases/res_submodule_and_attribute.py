# A name that is both a submodule and an attribute of its package: pkg/__init__.py does
# `from .helper import helper`, which first loads the submodule pkg.helper (setting the
# attribute pkg.helper to the module) and then rebinds pkg.helper to the function. So
# `from pkg import helper` and `pkg.helper` give the function, which is what gets called.
#--- path: pkg/__init__.py ---#
from .helper import helper
#                   ^ imports_symbol: FUNCTION helper@pkg/helper.py:1
#--- path: pkg/helper.py ---#
def helper():
    return "h"
#--- path: main.py ---#
import pkg
from pkg import helper

x = helper()
#   ^ refers_to+: FUNCTION helper@pkg/helper.py:1
#   ^ calls: FUNCTION helper@pkg/helper.py:1
y = pkg.helper()
#       ^ refers_to+: FUNCTION helper@pkg/helper.py:1
#       ^ calls: FUNCTION helper@pkg/helper.py:1
assert x == y == "h"
