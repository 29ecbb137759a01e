square = lambda n: n * n
#        ^ node: LAMBDA name=<lambda> qualname=main.<lambda> text=`lambda n: n * n`
#               ^ node: PARAMETER name=n qualname=main.<lambda>.<locals>.n text=n
#                  ^ refers_to: n@1
#        ^ has_parameter: n@1
#        ^ LAMBDA defines+: PARAMETER n@1
# ^ MODULE contains+: LAMBDA <lambda>@1


def outer():
    return lambda: 0
#          ^ node: LAMBDA name=<lambda> qualname=main.outer.<locals>.<lambda>
#          ^ has_parameter:
# ^ FUNCTION contains+: LAMBDA <lambda>@11


pairs = sorted([(1, 2)], key=lambda p: p[1])
#                            ^ LAMBDA contains+: REFERENCE p@17
#                                   ^ node: PARAMETER name=p
