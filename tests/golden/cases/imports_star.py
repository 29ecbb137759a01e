# `from m import *` is one IMPORT node; the build does not fail on it.
#--- path: lib/__init__.py ---#
#--- path: lib/consts.py ---#
ANSWER = 42
#--- path: lib/user.py ---#
from .consts import *
#                   ^ node: IMPORT text=*
from os.path import *
#                   ^ node: IMPORT
#! count: IMPORT 2
#! status: ok
