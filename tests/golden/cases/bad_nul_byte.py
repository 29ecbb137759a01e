# NUL bytes in otherwise valid UTF-8 source: CPython refuses the file ("SyntaxError: source
# code cannot contain null bytes"), so it is a syntax_error, not ok.
#--- path: nul.py bytes: hex ---#
# "x = 1\n" NUL "\ny = 2\n"
78 20 3d 20 31 0a 00 0a 79 20 3d 20 32 0a
#! status: syntax_error
#! !status: ok
#! diagnostic:
#--- path: other.py ---#
z = 3
#! status: ok
