# A @property is a function that runs when the attribute is read: `obj.area` refers to the
# getter, and the getter's result (a function here) is what `obj.handler()` calls.
def handle():
    return "handled"


class Shape:
    @property
    def area(self):
        return 4

    @property
    def handler(self):
        return handle


s = Shape()
a = s.area
#     ^ refers_to: FUNCTION area@9
r = s.handler()
#     ^ refers_to: FUNCTION handler@13
#     ^ calls: FUNCTION handle@3
assert a == 4 and r == "handled"
#! edge: MODULE main CALLS_FUNCTION FUNCTION main.Shape.area
