# Base classes defined in another module, named through a `from` import or as an attribute
# of an imported module (`base.Base`); methods are found on the base through the MRO.
#--- path: base.py ---#
class Base:
    def run(self):
        return "base"
#--- path: models.py ---#
import base
from base import Base


class ByName(Base):
    # ^ inherits: CLASS Base@base.py:1
    pass


class ByAttribute(base.Base):
    #                  ^ refers_to: CLASS Base@base.py:1
    # ^ inherits: CLASS Base@base.py:1
    pass


r1 = ByName().run()
#             ^ refers_to: FUNCTION run@base.py:2
#             ^ calls: FUNCTION run@base.py:2
r2 = ByAttribute().run()
#                  ^ calls: FUNCTION run@base.py:2
#! edge: CLASS models.ByAttribute INHERITS CLASS base.Base
#--- path: main.py ---#
import models
assert models.r1 == models.r2 == "base"
