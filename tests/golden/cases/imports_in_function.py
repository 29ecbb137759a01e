# An import inside a function binds in the function: the function DEFINES the IMPORT, the
# module does not; an imported name never resolves to an unrelated local of another scope.
from os import path


def load():
    import json as j
    #      ^ node: IMPORT name=j text=`json as j`
    return j
# ^ FUNCTION defines+: IMPORT j@7
# ^ !MODULE defines: IMPORT j@7
# ^ FUNCTION contains+: IMPORT j@7


def uses_local():
    path = "local"
    return path
    #      ^ refers_to: VARIABLE path@16


def uses_import():
    return path
    #      ^ !refers_to: path@16


path = path.lower()
#      ^ !refers_to: path@16
#      ^ refers_to+: EXTERNAL os.path
#      ^ !refers_to: VARIABLE path@26
