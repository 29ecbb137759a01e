# CALL nodes span the whole call expression and are named by the callee's text; the
# callee's name is a REFERENCE resolved like any other.
def f(*args, **kwargs):
    return args


class Service:
    def run(self, n):
        return n


svc = Service()
#     ^ node: CALL name=Service text=Service()
#     ^ refers_to: CLASS Service@7
result = f(svc.run(1), key=f())
#        ^ node: CALL name=f text=`f(svc.run(1), key=f())`
#        ^ refers_to: FUNCTION f@3
#          ^ node: CALL name=svc.run text=svc.run(1)
#          ^ refers_to: svc@12
#              ^ node: REFERENCE name=run text=run
#                          ^ node: CALL name=f text=f()
# ^ MODULE contains+: CALL Service@12, CALL f@15, CALL svc.run@15, CALL f@15
#! count: CALL 6


def caller():
    return f(1)(2)
    #      ^ node: CALL name=f(1) text=f(1)(2)
    #      ^ node: CALL name=f text=f(1)
    #          ^ node: CALL name=f(1) text=f(1)(2)
    #          ^ !node: CALL name=f
# ^ FUNCTION contains: CALL f(1)@27, CALL f@27, REFERENCE f@27
# ^ !MODULE contains: CALL f@27
