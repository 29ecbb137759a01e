# FUNCTION props: is_method is true for functions defined directly in a class body.
class Api:
    def get(self):
        return 1
        # ^ FUNCTION prop: is_method=true
        # ^ FUNCTION prop: is_async=false

    @staticmethod
    def util():
        return 2
        # ^ FUNCTION prop: is_method=true

    def outer(self):
        def nested():
            return 3
            # ^ FUNCTION prop: is_method=false
        return nested


def free():
    return 4
    # ^ FUNCTION prop: is_method=false
