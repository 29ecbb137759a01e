# A class body is a scope, but it does not enclose the functions defined in it: a method
# reading a class attribute by bare name gets the module binding (or nothing).
size = 0


class Box:
    size = 10
    double = size * 2
    #        ^ refers_to: size@7

    def grow(self):
        return size + 1
        #      ^ refers_to: size@3
        #      ^ !refers_to: size@7

    def regrow(self):
        return grow(self)
        #      ^ refers_to:
        #      ^ !refers_to: grow@11

    def clone(self):
        return Box()
        #      ^ refers_to: CLASS Box@6


class Outer:
    limit = 5

    class Inner:
        value = limit
        #       ^ refers_to:
