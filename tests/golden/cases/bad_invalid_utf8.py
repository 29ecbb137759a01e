# A file that is not UTF-8 and declares no encoding is a decode_error (CPython: "Non-UTF-8
# code starting with '\xe9'"); the other files of the build are unaffected.
#--- path: broken.py bytes: hex ---#
# x = "caf\xe9" with a latin-1 e-acute and no coding declaration
78 20 3d 20 22 63 61 66 e9 22 0a
#! status: decode_error
#! diagnostic: decode_error
#! !diagnostic: syntax_error
#! node: FILE name=broken.py
#! edge: FILE broken.py HAS_DIAGNOSTIC DIAGNOSTIC decode_error
#--- path: fine.py ---#
yes = 1
#^ node: VARIABLE name=yes qualname=fine.yes
#! status: ok
#! !diagnostic:
