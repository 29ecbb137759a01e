# Modules outside the repository are EXTERNAL nodes named by their dotted path; attributes
# read through them are EXTERNAL nodes too (`os.path.join`), name = last component.
import os.path
# ^ imports+: EXTERNAL os.path
from os.path import join as j
#                   ^ imports_symbol: EXTERNAL os.path.join
import json
# ^ imports+: EXTERNAL json

a = os.path.join("x", "y")
#   ^ refers_to: EXTERNAL os
#      ^ refers_to: EXTERNAL os.path
#           ^ refers_to: EXTERNAL os.path.join
#           ^ calls: EXTERNAL os.path.join
b = j("x", "y")
#   ^ refers_to: EXTERNAL os.path.join
#   ^ calls: EXTERNAL os.path.join
c = json.dumps({})
#        ^ calls: EXTERNAL json.dumps
#! node: EXTERNAL name=join qualname=os.path.join
#! node: EXTERNAL name=dumps qualname=json.dumps
#! edge: MODULE main CALLS_FUNCTION EXTERNAL os.path.join
