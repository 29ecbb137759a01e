# `global x` in a function makes its bindings of x module bindings: the module DEFINES
# them, their qualname is the module's, and every read of x in the module or in a function
# declaring it global refers to all of them.
counter = 0


def bump():
    global counter
    counter += 1
    # ^ node: VARIABLE name=counter qualname=main.counter
    # ^ !FUNCTION defines: VARIABLE counter@9
    return counter
    #      ^ refers_to: counter@4, counter@9, counter@18


def reset():
    global counter
    counter = 0


def setup():
    global config
    config = {"debug": True}


print(counter, config)
#     ^ refers_to: counter@4, counter@9, counter@18
#              ^ refers_to: config@23
# ^ MODULE defines+: VARIABLE counter@4, VARIABLE counter@9, VARIABLE counter@18, VARIABLE config@23
