# Constructing a class calls the class and the __init__ that its MRO finds: its own, or
# an inherited one when it defines none (here across modules).
#--- path: base.py ---#
class Base:
    def __init__(self, name):
        self.name = name
#--- path: main.py ---#
from base import Base


class Own(Base):
    def __init__(self):
        super().__init__("own")
        #       ^ calls: FUNCTION __init__@base.py:2


class Inherits(Base):
    pass


a = Own()
#   ^ calls: CLASS Own@4, FUNCTION __init__@5
b = Inherits("x")
#   ^ calls: CLASS Inherits@10, FUNCTION __init__@base.py:2
#   ^ !calls: FUNCTION __init__@5
c = Base("y")
#   ^ calls: CLASS Base@base.py:1, FUNCTION __init__@base.py:2
#! edge: MODULE main CALLS_FUNCTION FUNCTION base.Base.__init__
