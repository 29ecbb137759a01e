# VARIABLE qualnames: "." + name in module and class scopes, ".<locals>." + name in
# function-like scopes.
limit = 10
# ^ node: VARIABLE name=limit qualname=main.limit text=limit


class Settings:
    debug = False
    #  ^ node: VARIABLE name=debug qualname=main.Settings.debug


def compute(x):
    result = x * limit
    #  ^ node: VARIABLE name=result qualname=main.compute.<locals>.result
    return result


class Holder:
    def fill(self):
        items = []
        # ^ node: VARIABLE name=items qualname=main.Holder.fill.<locals>.items
        return items
