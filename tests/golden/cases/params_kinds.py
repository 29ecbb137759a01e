# PARAMETER nodes of every kind: param_kind and position props, HAS_PARAMETER in order,
# spans from the name through the annotation (the default value is not part of it).
def f(a, b=1, /, c: int = 2, *args: str, d, e=3, **kw):
#     ^ node: PARAMETER name=a qualname=main.f.<locals>.a text=a
#     ^ PARAMETER prop: param_kind=positional_only
#     ^ PARAMETER prop: position=0
#        ^ node: PARAMETER name=b text=b
#        ^ PARAMETER prop: param_kind=positional_only
#                ^ node: PARAMETER name=c text=`c: int`
#                ^ PARAMETER prop: param_kind=positional_or_keyword
#                ^ PARAMETER prop: position=2
#                         ^ !node: PARAMETER
#                             ^ node: PARAMETER name=args
#                             ^ PARAMETER prop: param_kind=var_positional
#                                        ^ node: PARAMETER name=d text=d
#                                        ^ PARAMETER prop: param_kind=keyword_only
#                                           ^ PARAMETER prop: param_kind=keyword_only
#                                           ^ PARAMETER prop: position=5
#                                                  ^ node: PARAMETER name=kw text=kw
#                                                  ^ PARAMETER prop: param_kind=var_keyword
#                                                  ^ PARAMETER prop: position=6
    return a, b, c, args, d, e, kw
#          ^ refers_to: PARAMETER a@3
#                   ^ refers_to: PARAMETER args@3
#                               ^ refers_to: PARAMETER kw@3
# ^ has_parameter: a@3, b@3, c@3, args@3, d@3, e@3, kw@3
# ^ FUNCTION defines+: PARAMETER a@3, PARAMETER b@3, PARAMETER kw@3


def g(x, *, k=None):
#           ^ node: PARAMETER name=k
#           ^ PARAMETER prop: param_kind=keyword_only
#           ^ PARAMETER prop: position=1
    return x, k
# ^ has_parameter: x@30, k@30
#! count: PARAMETER 9
