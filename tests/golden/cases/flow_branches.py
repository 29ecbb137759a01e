# Reads see only the bindings that can reach them: the arms of an if/elif/else, the cases
# of a match and the except arms of a try exclude each other; a try body does not exclude
# its handlers.
import sys

mode = "default"
if sys.argv:
    mode = "argv"
    print(mode)
    #     ^ refers_to: mode@8
elif sys.path:
    print(mode)
    #     ^ refers_to: mode@6
else:
    mode = "none"
print(mode)
#     ^ refers_to: mode@6, mode@8, mode@15

match sys.argv:
    case [cmd]:
        print(cmd)
        #     ^ refers_to: cmd@20
    case [_, cmd] | [cmd, _, _]:
        print(cmd)
        #     ^ refers_to: cmd@23, cmd@23
    case _:
        cmd = None
print(cmd)
#     ^ refers_to: cmd@20, cmd@23, cmd@23, cmd@27

try:
    import json
except ImportError:
    json = None
else:
    print(json)
    #     ^ refers_to: EXTERNAL json
print(json)
#     ^ refers_to: EXTERNAL json, VARIABLE json@34
