# A binary file named .py (PNG header, NUL and invalid UTF-8 bytes) is a decode_error;
# the build goes on with the other files.
#--- path: image.py bytes: hex ---#
89 50 4e 47 0d 0a 1a 0a 00 00 00 0d 49 48 44 52
00 00 00 01 ff fe 00 00 08 06 00 00 00 1f 15 c4
#! status: decode_error
#! !status: ok
#! diagnostic:
#! !diagnostic: syntax_error
#! count: FUNCTION 0
#--- path: neighbour.py ---#
def still_built():
    return 1
    # ^ node: FUNCTION name=still_built qualname=neighbour.still_built
#! status: ok
