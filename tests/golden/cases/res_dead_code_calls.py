# The call graph is flow-insensitive: calls written in a function that is never called,
# or under `if False:`, are still CALL sites with their callees.
def helper():
    return 1


def never_called():
    return helper()
    #      ^ calls: FUNCTION helper@3
    # ^ FUNCTION calls_function: FUNCTION helper@3


if False:
    helper()
    # ^ calls: FUNCTION helper@3


def after_return():
    return 0
    helper()
    # ^ calls: FUNCTION helper@3
#! edge: MODULE main CALLS_FUNCTION FUNCTION main.helper
#! edge: FUNCTION main.after_return CALLS_FUNCTION FUNCTION main.helper
