# `del x` reads the binding it removes, and, like an assignment, makes x local to the
# function that contains it.
x = 1


def drop():
    x = 2
    del x
    #   ^ node: REFERENCE name=x text=x
    #   ^ refers_to: x@7


def only_del():
    del x
    #   ^ refers_to:
    #   ^ !refers_to: x@3


del x
#   ^ refers_to: x@3
