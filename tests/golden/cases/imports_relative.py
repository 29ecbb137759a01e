# Relative imports of every level and form produce IMPORT nodes named by what they bind.
#--- path: app/__init__.py ---#
#--- path: app/util.py ---#
def helper():
    return 1
#--- path: app/sub/__init__.py ---#
#--- path: app/sub/sibling.py ---#
VALUE = 1
#--- path: app/sub/worker.py ---#
from . import sibling
#             ^ node: IMPORT name=sibling text=sibling
from .. import util
#              ^ node: IMPORT name=util text=util
from ..util import helper as h
#                  ^ node: IMPORT name=h text=`helper as h`
from .sibling import VALUE
#                    ^ node: IMPORT name=VALUE text=VALUE
#! count: IMPORT 4
# ^ MODULE defines+: IMPORT sibling@1, IMPORT util@3, IMPORT h@5, IMPORT VALUE@7
#! file: module=app.sub.worker status=ok
