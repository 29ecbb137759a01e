# Lambdas are callees like functions: called through the name they are assigned to, and
# through a parameter they are passed to; a call inside a lambda body belongs to the
# LAMBDA in the call graph.
def work():
    return 1


square = lambda n: n * n
twice = square(3)
#       ^ calls: LAMBDA <lambda>@8


def run(cb):
    return cb()
    #      ^ calls: LAMBDA <lambda>@18


run(lambda: work())
#   ^ LAMBDA calls_function: FUNCTION work@4
#           ^ calls: FUNCTION work@4
#! !edge: MODULE main CALLS_FUNCTION FUNCTION main.work
