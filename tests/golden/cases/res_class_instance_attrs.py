# Attribute reads through `self`, an instance or the class: class attributes are the
# VARIABLEs bound in the class body; instance attributes are assigned through
# `self.x = ...` in any method (here __init__ and configure), and calling one calls the
# function stored there.
def on_start():
    return "start"


def on_stop():
    return "stop"


class Machine:
    kind = "m"

    def __init__(self):
        self.start = on_start

    def configure(self):
        self.stop = on_stop

    def go(self):
        return self.kind, self.start(), self.stop()
        #           ^ refers_to: VARIABLE kind@14
        #                      ^ calls: FUNCTION on_start@5
        #                                    ^ calls: FUNCTION on_stop@9


m = Machine()
m.configure()
a = m.kind
#     ^ refers_to: VARIABLE kind@14
b = Machine.kind
#           ^ refers_to: VARIABLE kind@14
c = m.stop()
#     ^ calls: FUNCTION on_stop@9
#     ^ !calls: FUNCTION on_start@5
assert m.go() == ("m", "start", "stop")
