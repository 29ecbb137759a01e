# A bound method taken from an instance and called later calls the method; the same
# holds for a method taken from the class and called with an explicit instance.
class Counter:
    def incr(self):
        return 1

    def reset(self):
        return 0


c = Counter()
bump = c.incr
#        ^ refers_to: FUNCTION incr@4
n = bump()
#   ^ calls: FUNCTION incr@4
#   ^ !calls: FUNCTION reset@7
unbound = Counter.reset
z = unbound(c)
#   ^ calls: FUNCTION reset@7
