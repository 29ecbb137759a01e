# Nested functions are called by name in their enclosing function; a closure returned
# from its factory and stored in a variable is called through that variable, and the
# free variable it reads holds the function given to the factory.
def log():
    return "log"


def outer():
    def helper():
        return "helper"
    return helper()
    #      ^ calls: FUNCTION helper@9
    # ^ FUNCTION calls_function: FUNCTION helper@9


def make_caller(fn):
    def call():
        return fn()
        #      ^ refers_to: PARAMETER fn@16
        #      ^ calls: FUNCTION log@4
    return call


caller = make_caller(log)
result = caller()
#        ^ calls: FUNCTION call@17
#! edge: FUNCTION main.make_caller.<locals>.call CALLS_FUNCTION FUNCTION main.log
#! !edge: FUNCTION main.make_caller CALLS_FUNCTION FUNCTION main.log
