# Directories without __init__.py are namespace packages (PEP 420): `ns.sub.mod` is still
# importable, absolutely and by `from` import, and resolves to the module's definitions.
#--- path: ns/sub/mod.py ---#
def f():
    return 1


class K:
    pass
#--- path: main.py ---#
import ns.sub.mod
from ns.sub.mod import K
#                      ^ imports_symbol: CLASS K@ns/sub/mod.py:5
from ns.sub import mod as m
#                  ^ imports_symbol: MODULE ns.sub.mod
# ^ imports+: MODULE ns.sub.mod

a = ns.sub.mod.f()
#              ^ refers_to: FUNCTION f@ns/sub/mod.py:1
#              ^ calls: FUNCTION f@ns/sub/mod.py:1
b = m.f()
#     ^ calls: FUNCTION f@ns/sub/mod.py:1
c = K()
#   ^ calls: CLASS K@ns/sub/mod.py:5
#! @ns/sub/mod.py file: module=ns.sub.mod
