# Builtins refer to EXTERNAL builtins.*; names bound nowhere get a REFERENCE but no
# REFERS_TO; a module-level def shadowing a builtin is what the name refers to.
def len(obj):
    return 0


print(len([]), max(1, 2), undefined_name)
# ^ node: REFERENCE name=print text=print
# ^ refers_to: EXTERNAL builtins.print
#     ^ refers_to: FUNCTION len@3
#              ^ node: REFERENCE name=max
#              ^ refers_to: EXTERNAL builtins.max
#                         ^ node: REFERENCE name=undefined_name
#                         ^ refers_to:
