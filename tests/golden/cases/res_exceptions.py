# `except E as e` binds e to an instance of E (or a subclass): `e.handle()` calls the
# handle method of E, found through its MRO; the exception class inherits a builtin.
#--- path: errors.py ---#
class AppError(Exception):
    # ^ inherits: EXTERNAL builtins.Exception
    def handle(self):
        return "handled"


class DbError(AppError):
    pass
#--- path: main.py ---#
from errors import DbError, AppError


def risky():
    raise DbError()
    #     ^ calls+: CLASS DbError@errors.py:7


def main():
    try:
        risky()
    except AppError as e:
        return e.handle()
        #        ^ refers_to: FUNCTION handle@errors.py:3
        #        ^ calls: FUNCTION handle@errors.py:3


assert main() == "handled"
