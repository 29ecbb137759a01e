# An attribute use `x.attr` is a REFERENCE spanning `attr` alone; `x` is a name reference
# resolved as usual. Attribute targets bind no VARIABLE.
class Node:
    def __init__(self):
        self.child = None
        #    ^ !node: VARIABLE
        # ^ refers_to: PARAMETER self@4


root = Node()
print(root.child.child)
#     ^ refers_to: root@10
#          ^ node: REFERENCE name=child text=child start_col=11 end_col=16
#          ^ !node: REFERENCE name=root
#                ^ node: REFERENCE name=child text=child start_col=17
