# `from m import *` without `__all__` binds every module-level name of m that does not
# start with an underscore (imported names included); underscore names are not bound.
#--- path: pkg/__init__.py ---#
#--- path: pkg/consts.py ---#
import os.path as osp

LIMIT = 10


def helper():
    return LIMIT


_private = 1


def _hidden():
    return 2
#--- path: pkg/user.py ---#
from .consts import *
# ^ imports+: MODULE pkg.consts


def run():
    return helper() + LIMIT
    #      ^ refers_to: FUNCTION helper@pkg/consts.py:6
    #      ^ calls: FUNCTION helper@pkg/consts.py:6
    #                 ^ refers_to: VARIABLE LIMIT@pkg/consts.py:3


def path_of():
    return osp.join("a", "b")
    #      ^ refers_to: EXTERNAL os.path
    #          ^ calls: EXTERNAL os.path.join


def never_called():
    return _private, _hidden()
    #      ^ refers_to:
    #                ^ refers_to:
    #                ^ calls:
#--- path: main.py ---#
from pkg.user import run, path_of
assert run() == 20
assert path_of() == "a/b"
