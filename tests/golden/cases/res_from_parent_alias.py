# `from ..pkg.mod import name as alias` in top/other/user.py resolves the module relative
# to the parent package (top.pkg.mod) and binds `alias` to the function `name` there.
#--- path: top/__init__.py ---#
#--- path: top/pkg/__init__.py ---#
#--- path: top/pkg/mod.py ---#
def name():
    return "n"


def unrelated():
    return "u"
#--- path: top/other/__init__.py ---#
#--- path: top/other/user.py ---#
from ..pkg.mod import name as alias
#                     ^ node: IMPORT name=alias
#                     ^ imports_symbol: FUNCTION name@top/pkg/mod.py:1
# ^ imports+: MODULE top.pkg.mod


def go():
    return alias()
    #      ^ refers_to: FUNCTION name@top/pkg/mod.py:1
    #      ^ calls: FUNCTION name@top/pkg/mod.py:1
    #      ^ !calls: FUNCTION unrelated@top/pkg/mod.py:5
#--- path: main.py ---#
from top.other.user import go
assert go() == "n"
