# A comprehension is its own scope: its loop variables are local to it and do not leak,
# its first iterable is evaluated in the enclosing scope, later ones inside it.
items = [1, 2]


def f():
    items = [3]
    squares = [i * i for i in items]
    #          ^ refers_to: i@8
    #              ^ refers_to: i@8
    #                         ^ refers_to: items@7
    return i, squares
    #      ^ refers_to:
    #         ^ refers_to: squares@8


rows = [[1], [2]]
flat = [y for x in rows for y in x]
#       ^ refers_to: y@18
#                  ^ refers_to: rows@17
#                                ^ refers_to: x@18
table = {key: val for key, val in zip("ab", rows)}
#        ^ refers_to: key@22
#             ^ refers_to: val@22
total = sum(n for n in items if n)
#           ^ refers_to: n@25
#                      ^ refers_to: items@3
#                               ^ refers_to: n@25
