# Nested functions read the locals and parameters of the functions around them.
def make_adder(n):
    def add(x):
        return x + n
        #      ^ refers_to: PARAMETER x@3
        #          ^ refers_to: PARAMETER n@2
    return add
    #      ^ refers_to: FUNCTION add@3


def make_counter():
    total = 0

    def inner():
        def deeper():
            return total
            #      ^ refers_to: total@12
        return deeper
        #      ^ refers_to: FUNCTION deeper@15
    return inner
    # ^ node: FUNCTION name=make_counter
    #      ^ !refers_to: deeper@15
