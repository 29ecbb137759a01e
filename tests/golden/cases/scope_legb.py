# LEGB: a name resolves to the nearest enclosing function scope that binds it, then the
# module; names bound nowhere in the file (builtins included) resolve to nothing.
value = "global"


def outer():
    value = "enclosing"

    def inner():
        return value
        #      ^ refers_to: value@7
        #      ^ !refers_to: value@3

    def local():
        value = "local"
        return value
        #      ^ refers_to: value@15
    return inner, local


def other():
    return value
    #      ^ refers_to: value@3


print(len(value))
# ^ node: REFERENCE name=print
# ^ refers_to: EXTERNAL builtins.print
#     ^ node: REFERENCE name=len
#     ^ refers_to: EXTERNAL builtins.len
#         ^ refers_to: value@3
