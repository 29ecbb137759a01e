# Absolute imports: one IMPORT node per imported name or alias clause, named by the name
# it binds, defined by the importing scope.
import os
#      ^ node: IMPORT name=os text=os
import os.path
#      ^ node: IMPORT name=os text=os.path
import collections.abc as cabc
#      ^ node: IMPORT name=cabc text=`collections.abc as cabc`
#                         ^ node: IMPORT name=cabc
from json import dumps, loads as parse
#                ^ node: IMPORT name=dumps text=dumps
#                       ^ node: IMPORT name=parse text=`loads as parse`
#    ^ !node: IMPORT
#! count: IMPORT 5

print(os.sep, cabc, dumps, parse)
#     ^ node: REFERENCE name=os
#        ^ node: REFERENCE name=sep text=sep
# ^ MODULE defines+: IMPORT os@3, IMPORT os@5, IMPORT cabc@7, IMPORT dumps@10, IMPORT parse@10
# ^ MODULE contains+: IMPORT os@3, IMPORT parse@10
