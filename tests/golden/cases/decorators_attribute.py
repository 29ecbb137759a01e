# A decorator written as an attribute (`@Registry.register`) is the attribute's value, not
# the object it is read from.
class Registry:
    @staticmethod
    def register(fn):
        return fn


@Registry.register
#^ refers_to: CLASS Registry@3
def job():
    pass
    # ^ FUNCTION prop: decorators~Registry.register
    # ^ !decorated_by: CLASS Registry@3
    # ^ decorated_by: FUNCTION register@5
