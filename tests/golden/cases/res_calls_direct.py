# Direct calls: a CALL goes to the function its callee names, across modules too, and
# CALLS_FUNCTION has one edge per (caller, callee) pair however many calls there are.
#--- path: util.py ---#
def helper():
    return 1
#--- path: main.py ---#
from util import helper


def local():
    return helper() + helper()
    #      ^ calls: FUNCTION helper@util.py:1
    # ^ FUNCTION calls_function: FUNCTION helper@util.py:1


def top():
    return local()
    #      ^ calls: FUNCTION local@4
    # ^ FUNCTION calls_function: FUNCTION local@4


x = top()
# ^ MODULE calls_function: FUNCTION top@10
#! !edge: FUNCTION main.top CALLS_FUNCTION FUNCTION util.helper
