# A module-level variable that holds a function, imported into another module: the name
# refers to the VARIABLE binding site in its module, and calling it calls the function
# the variable holds.
#--- path: config.py ---#
def default_handler(event):
    return event


HANDLER = default_handler
#--- path: main.py ---#
import config
from config import HANDLER
#                  ^ imports_symbol: VARIABLE HANDLER@config.py:5

a = HANDLER(1)
#   ^ refers_to: VARIABLE HANDLER@config.py:5
#   ^ calls: FUNCTION default_handler@config.py:1
b = config.HANDLER(2)
#          ^ refers_to: VARIABLE HANDLER@config.py:5
#          ^ calls: FUNCTION default_handler@config.py:1
