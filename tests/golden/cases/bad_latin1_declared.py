# A latin-1 file with a PEP 263 declaration is decoded; spans are byte offsets into the
# original (latin-1) bytes, names are stored in UTF-8.
#--- path: legacy.py encoding: latin-1 ---#
# -*- coding: latin-1 -*-
greeting = "café"; echo = greeting
#                         ^ node: REFERENCE name=greeting text=greeting start_line=2
#                         ^ refers_to: greeting@2
#                  ^ node: VARIABLE name=echo text=echo
café = 1
#^ node: VARIABLE name=café text=café
print(café, echo)
#     ^ refers_to: café@6
#     ^ node: REFERENCE name=café text=café
#           ^ refers_to: echo@2
#! status: ok
#! !diagnostic:
