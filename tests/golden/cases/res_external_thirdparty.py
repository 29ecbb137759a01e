# Third-party imports that are not in the repository resolve to EXTERNAL nodes; attribute
# chains on them extend the dotted path, also through a constructed instance of an external
# class (`Session().get` -> requests.Session.get).
import numpy as np
#      ^ imports_symbol: EXTERNAL numpy
# ^ imports+: EXTERNAL numpy
from requests import Session
#                    ^ imports_symbol: EXTERNAL requests.Session
# ^ imports+: EXTERNAL requests


def work():
    arr = np.zeros(3)
    #     ^ refers_to: EXTERNAL numpy
    #        ^ calls: EXTERNAL numpy.zeros
    resp = Session().get("http://example")
    #      ^ refers_to: EXTERNAL requests.Session
    #      ^ calls+: EXTERNAL requests.Session
    #                ^ refers_to: EXTERNAL requests.Session.get
    #                ^ calls: EXTERNAL requests.Session.get
    return arr, resp
    # ^ FUNCTION calls_function+: EXTERNAL numpy.zeros, EXTERNAL requests.Session, EXTERNAL requests.Session.get
#! node: EXTERNAL name=get qualname=requests.Session.get
