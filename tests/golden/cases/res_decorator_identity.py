# An identity decorator returns the function it receives: the decorated name still holds
# the original function, so calling it calls the original. Applying the decorator is
# itself a call made by the scope that contains the decorated def.
def register(fn):
    return fn


@register
def task():
    return "task"


class Box:
    @register
    def open(self):
        return "open"


def use():
    return task(), Box().open()
    #      ^ refers_to: FUNCTION task@9
    #      ^ calls: FUNCTION task@9
    #                    ^ calls: FUNCTION open@15
#! edge: MODULE main CALLS_FUNCTION FUNCTION main.register
#! !edge: FUNCTION main.task CALLS_FUNCTION FUNCTION main.register
