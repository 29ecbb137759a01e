# Class attributes read as `Cls.attr` and `mod.Cls.attr` across modules refer to the
# VARIABLE bound in the class body; one inherited from a base is found through the MRO.
#--- path: settings.py ---#
class Defaults:
    timeout = 30
    retries = 3


class Custom(Defaults):
    timeout = 60
#--- path: main.py ---#
import settings
from settings import Custom

t = Custom.timeout
#          ^ refers_to: VARIABLE timeout@settings.py:7
#          ^ !refers_to: VARIABLE timeout@settings.py:2
r = settings.Custom.retries
#                   ^ refers_to: VARIABLE retries@settings.py:3
d = settings.Defaults.timeout
#                     ^ refers_to: VARIABLE timeout@settings.py:2
assert (t, r, d) == (60, 3, 30)
