# match statement capture patterns bind names; class and value patterns read names;
# the wildcard `_` binds nothing.
class Point:
    x = 0
    y = 0


class Color:
    RED = 1


def handle(command):
    match command:
        case ["go", direction]:
            return direction
            #      ^ refers_to: direction@14
        case {"action": action, **extra}:
            return action, extra
            #      ^ refers_to: action@17
            #              ^ refers_to: extra@17
        case Point(x=px, y=0):
        #    ^ refers_to: CLASS Point@3
            return px
            #      ^ refers_to: px@21
        case str() as text:
            return text
            #      ^ refers_to: text@25
        case [first, *others]:
        #              ^ node: VARIABLE name=others qualname=main.handle.<locals>.others
            return first, others
            #             ^ refers_to: others@28
        case Color.RED:
        #    ^ refers_to: CLASS Color@8
            return None
        case _:
        #    ^ !node: VARIABLE
            return command
            #      ^ refers_to: PARAMETER command@12
