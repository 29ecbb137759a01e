# `nonlocal x` makes an inner function's bindings of x bindings of the enclosing
# function's x; reads in both functions see every binding site.
def counter():
    count = 0

    def increment():
        nonlocal count
        count += 1
        # ^ node: VARIABLE name=count qualname=main.counter.<locals>.count
        return count
        #      ^ refers_to: count@4, count@8

    def peek():
        return count
        #      ^ refers_to: count@4, count@8

    return increment, peek, count
    #                       ^ refers_to: count@4, count@8


count = "module"
print(count)
#     ^ refers_to: count@21
