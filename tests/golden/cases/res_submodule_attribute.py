# A submodule is an attribute of its package once it has been imported anywhere: here the
# package __init__ imports it, so `import pkg` alone makes `pkg.tools.run` reachable; a
# later `import pkg.extra` elsewhere likewise makes `pkg.extra` an attribute of pkg.
#--- path: pkg/__init__.py ---#
from . import tools
#--- path: pkg/tools.py ---#
def run():
    return "run"
#--- path: pkg/extra.py ---#
def more():
    return "more"
#--- path: main.py ---#
import pkg
import pkg.extra

value = pkg.tools.run()
#       ^ refers_to: MODULE pkg
#           ^ refers_to: MODULE pkg.tools
#                 ^ refers_to: FUNCTION run@pkg/tools.py:1
#                 ^ calls: FUNCTION run@pkg/tools.py:1
other = pkg.extra.more()
#           ^ refers_to: MODULE pkg.extra
#                 ^ calls: FUNCTION more@pkg/extra.py:1
