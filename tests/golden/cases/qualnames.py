# __qualname__-based qualified names: module + "." + __qualname__, with <locals> for
# names inside functions.
#--- path: pkg/__init__.py ---#
#--- path: pkg/shapes.py ---#
class Outer:
#     ^ node: CLASS qualname=pkg.shapes.Outer
    class Inner:
    #     ^ node: CLASS qualname=pkg.shapes.Outer.Inner
        def method(self):
        #   ^ node: FUNCTION qualname=pkg.shapes.Outer.Inner.method
        #          ^ node: PARAMETER qualname=pkg.shapes.Outer.Inner.method.<locals>.self
            def helper():
            #   ^ node: FUNCTION qualname=pkg.shapes.Outer.Inner.method.<locals>.helper
                return 1
            return helper

    def method(self):
    #   ^ node: FUNCTION qualname=pkg.shapes.Outer.method
        return lambda: 0
        #      ^ node: LAMBDA qualname=pkg.shapes.Outer.method.<locals>.<lambda>


def factory():
    class Made:
    #     ^ node: CLASS qualname=pkg.shapes.factory.<locals>.Made
        def run(self):
        #   ^ node: FUNCTION qualname=pkg.shapes.factory.<locals>.Made.run
            pass
    return Made
