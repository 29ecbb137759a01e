# A function returned by a call is called by the outer call: in `make()()` the inner CALL
# calls make, the outer one calls what make returns.
def make():
    def inner():
        return "inner"
    return inner


def pick(flag):
    if flag:
        return make
    return len


x = make()()
#   ^ calls: FUNCTION make@3
#          ^ calls: FUNCTION inner@4
#          ^ !calls: FUNCTION make@3
y = pick(True)()()
#             ^ calls+: FUNCTION make@3
#               ^ calls+: FUNCTION inner@4
#       ^ calls: FUNCTION pick@9
#! edge: MODULE main CALLS_FUNCTION FUNCTION main.make.<locals>.inner
