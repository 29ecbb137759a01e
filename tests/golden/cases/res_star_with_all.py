# With `__all__`, `from m import *` binds exactly the names listed there: a public name
# left out of `__all__` is not bound, an underscore name listed in it is.
#--- path: pkg/__init__.py ---#
#--- path: pkg/api.py ---#
__all__ = ["exported", "_listed"]


def exported():
    return 1


def not_exported():
    return 2


def _listed():
    return 3
#--- path: pkg/user.py ---#
from .api import *


def run():
    return exported() + _listed()
    #      ^ calls: FUNCTION exported@pkg/api.py:4
    #                   ^ refers_to: FUNCTION _listed@pkg/api.py:12
    #                   ^ calls: FUNCTION _listed@pkg/api.py:12


def broken():
    return not_exported()
    #      ^ refers_to:
    #      ^ calls:
    #      ^ !refers_to: FUNCTION not_exported@pkg/api.py:8
#--- path: main.py ---#
from pkg.user import run
assert run() == 4
