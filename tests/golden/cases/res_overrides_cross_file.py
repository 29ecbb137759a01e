# OVERRIDES across modules: the subclass method overrides the base method defined in the
# module its base class comes from.
#--- path: lib/__init__.py ---#
#--- path: lib/handlers.py ---#
class Handler:
    def handle(self, event):
        return None
#--- path: app.py ---#
from lib.handlers import Handler


class ClickHandler(Handler):
    def handle(self, event):
        return event
        # ^ overrides: FUNCTION handle@lib/handlers.py:2
#! edge: FUNCTION app.ClickHandler.handle OVERRIDES FUNCTION lib.handlers.Handler.handle
