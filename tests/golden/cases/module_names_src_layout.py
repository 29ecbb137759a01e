# Package roots: the repository root and src/ when it exists, so src/app/core.py is the
# module app.core; a directory without __init__.py is a namespace package.
#--- path: src/app/__init__.py ---#
#! file: module=app
#--- path: src/app/core.py ---#
def run():
    return 1
# ^ node: FUNCTION name=run qualname=app.core.run
#! file: module=app.core
#! node: MODULE name=core qualname=app.core
#--- path: tools/ns/helper.py ---#
def assist():
    return 2
# ^ node: FUNCTION name=assist qualname=tools.ns.helper.assist
#! file: module=tools.ns.helper
