# Tuple, list and starred targets bind each name they contain.
alpha, (beta, gamma) = 1, (2, 3)
#^ node: VARIABLE name=alpha text=alpha
#      ^ !node: VARIABLE
#       ^ node: VARIABLE name=beta text=beta
#             ^ node: VARIABLE name=gamma text=gamma
first, *rest = [1, 2, 3]
#       ^ node: VARIABLE name=rest text=rest
[p, q] = "pq"
#^ node: VARIABLE name=p
#   ^ node: VARIABLE name=q
print(alpha, beta, gamma, first, rest, p, q)
#     ^ refers_to: alpha@2
#            ^ refers_to: beta@2
#                  ^ refers_to: gamma@2
#                         ^ refers_to: first@7
#                                ^ refers_to: rest@7
#                                      ^ refers_to: p@9
#                                         ^ refers_to: q@9
# ^ MODULE defines+: alpha@2, beta@2, gamma@2, first@7, rest@7, p@9, q@9
