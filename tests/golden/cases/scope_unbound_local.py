# A name assigned anywhere in a function is local to the whole function (flow-insensitive),
# so a read before the assignment does not see the module binding.
x = 1


def f():
    print(x)
    #     ^ refers_to: x@9
    x = 2
    return x
    #      ^ refers_to: x@9


def g():
    return x
    #      ^ refers_to: x@3
