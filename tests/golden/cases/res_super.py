# `super().m()` and `super(C, self).m()` look the method up in the MRO of the instance's
# class after C: here the next class after Child that defines `setup` is Base.
class Root:
    def setup(self):
        return "root"


class Base(Root):
    def setup(self):
        return "base"


class Child(Base):
    def setup(self):
        first = super().setup()
        #               ^ refers_to: FUNCTION setup@9
        #               ^ calls: FUNCTION setup@9
        #               ^ !calls: FUNCTION setup@4, FUNCTION setup@14
        second = super(Child, self).setup()
        #                           ^ calls: FUNCTION setup@9
        third = super(Base, self).setup()
        #                         ^ calls: FUNCTION setup@4
        return first, second, third
        # ^ FUNCTION calls_function+: FUNCTION setup@9, FUNCTION setup@4
        # ^ !FUNCTION calls_function: FUNCTION setup@14


assert Child().setup() == ("base", "base", "root")
