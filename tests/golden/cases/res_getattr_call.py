# getattr(obj, "name") with a constant name reads the attribute `name`: calling the result
# calls that method. The getattr call itself calls the builtin.
class Plugin:
    def activate(self):
        return "on"

    def deactivate(self):
        return "off"


p = Plugin()
r = getattr(p, "activate")()
#   ^ calls: EXTERNAL builtins.getattr
#                         ^ calls: FUNCTION activate@4
#                         ^ !calls: FUNCTION deactivate@7
assert r == "on"
