# In a class body, a comprehension's first iterable sees the class scope; everything else
# in the comprehension runs in its own scope, which the class body does not enclose.
class Table:
    cols = ["a", "b"]
    upper = [c.upper() for c in cols]
    #        ^ refers_to: c@5
    #                           ^ refers_to: cols@4
    pairs = [(c, d) for c in cols for d in cols]
    #                        ^ refers_to: cols@4
    #                                      ^ refers_to:
    #                                      ^ !refers_to: cols@4
    wide = [c for c in cols if c in cols]
    #                               ^ refers_to:
