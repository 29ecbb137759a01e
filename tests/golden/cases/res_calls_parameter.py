# A function passed as an argument is called through the parameter: `cb()` inside `run`
# calls every function passed to `run`, positionally or by keyword.
def first():
    return 1


def second():
    return 2


def never_passed():
    return 3


def run(cb):
    return cb()
    #      ^ refers_to: PARAMETER cb@15
    #      ^ calls: FUNCTION first@3, FUNCTION second@7
    #      ^ !calls: FUNCTION never_passed@11
    # ^ FUNCTION calls_function: FUNCTION first@3, FUNCTION second@7


run(first)
run(cb=second)
never_passed()
