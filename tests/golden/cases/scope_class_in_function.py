# A class body inside a function sees the function's locals; its methods see them too,
# but not the class body's own names.
def make():
    y = 1

    class C:
        z = y
        #   ^ refers_to: y@4

        def m(self):
            return y, z
            #      ^ refers_to: y@4
            #         ^ refers_to:
            #         ^ !refers_to: z@7
    return C
