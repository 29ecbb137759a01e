# Augmented and annotated assignments are binding sites; the annotation is a reference.
total: int = 0
# ^ node: VARIABLE name=total qualname=main.total text=total
#      ^ node: REFERENCE name=int
#      ^ refers_to: EXTERNAL builtins.int
total += 5
# ^ node: VARIABLE name=total text=total
print(total)
#     ^ refers_to: total@6


class Config:
    debug: bool = False
    # ^ node: VARIABLE name=debug qualname=main.Config.debug


def f():
    count: int = 0
    count += 1
    count -= 2
    return count
    #      ^ refers_to: count@20
