# Reads from nested scopes run later: a function reading a module name sees every binding
# of it; bindings made through `global` may run at any time.
limit = 1


def check():
    return limit
    #      ^ refers_to: limit@3, limit@13, limit@16


def reset():
    global limit
    limit = 0


limit = 5
print(limit)
#     ^ refers_to: limit@13, limit@16
