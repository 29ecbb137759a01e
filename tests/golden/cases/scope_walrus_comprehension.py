# An assignment expression inside a comprehension binds in the enclosing function (or
# module) scope, not in the comprehension.
def first_big(data):
    if any((hit := v) > 3 for v in data):
    #       ^ node: VARIABLE name=hit qualname=main.first_big.<locals>.hit text=hit
        return hit
        #      ^ refers_to: hit@4
    return None
# ^ FUNCTION defines+: VARIABLE hit@4
# ^ !FUNCTION defines: VARIABLE v@4


total = [last := n for n in range(3)]
#        ^ node: VARIABLE name=last qualname=main.last
print(last)
#     ^ refers_to: last@13
# ^ MODULE defines+: VARIABLE last@13


if (size := 10) > 5:
    print(size)
    #     ^ refers_to: size@20
