# DEFINES goes from a scope (module, class, function, lambda) to the variables, classes,
# functions, parameters and imports it binds, and to nothing bound in nested scopes.
import sys
LIMIT = 3


class Shape:
    sides = 0

    def area(self, scale):
        factor = scale * 2
        return factor
        # ^ FUNCTION defines: PARAMETER self@10, PARAMETER scale@10, VARIABLE factor@11
    # ^ CLASS defines: VARIABLE sides@8, FUNCTION area@10


def build(kind):
    shape = Shape()
    return shape
    # ^ FUNCTION defines: PARAMETER kind@17, VARIABLE shape@18
# ^ MODULE defines: IMPORT sys@3, VARIABLE LIMIT@4, CLASS Shape@7, FUNCTION build@17
