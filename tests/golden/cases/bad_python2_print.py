# A Python 2 print statement is a syntax error in Python 3 (CPython: "Missing parentheses
# in call to 'print'"), even though the file is otherwise fine.
import sys


print "hello"
# ^ diagnostic: syntax_error


def still_indexed():
    return sys
#! status: syntax_error
#! diagnostic: syntax_error
#! node: FUNCTION name=still_indexed qualname=main.still_indexed
