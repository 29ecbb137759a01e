# OVERRIDES goes from a method to the method of the same name that the class's MRO would
# find next after the class itself, also when it sits further up than the direct base.
# A method with a name no base defines overrides nothing.
class Base:
    def run(self):
        return 0

    def stop(self):
        return 0


class Middle(Base):
    def stop(self):
        return 1
        # ^ overrides: FUNCTION stop@8


class Leaf(Middle):
    def run(self):
        return 2
        # ^ overrides: FUNCTION run@5

    def stop(self):
        return 3
        # ^ overrides: FUNCTION stop@13
        # ^ !overrides: FUNCTION stop@8

    def extra(self):
        return 4
        # ^ overrides:


class Unrelated:
    def run(self):
        return 5
        # ^ overrides:
