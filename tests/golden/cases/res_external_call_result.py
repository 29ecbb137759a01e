# The result of calling an external function is not the function: an attribute of it is no
# REFERS_TO target (`cast(T, x).value` is no `typing.cast.value`), while a call on it is
# still recorded under the extended name, as PyCG records it. A CapWords external is taken
# for a class, and its instance's attributes are the class's (`Session().get`).
from typing import cast
import os
from requests import Session


def work(x):
    y = cast(int, x).value
    #                ^ !refers_to:
    home = os.environ.get("HOME").upper()
    #                             ^ !refers_to:
    #                             ^ calls: EXTERNAL os.environ.get.upper
    s = Session().headers
    #             ^ refers_to: EXTERNAL requests.Session.headers
    return y, home, s
