# CRLF line ends: lines and columns are counted as with LF, spans are byte offsets into
# the file (each line end is two bytes).
#--- path: windows.py newline: crlf ---#
def greet(name):
    return "hi " + name
    #              ^ refers_to: PARAMETER name@1
    #              ^ node: REFERENCE text=name start_line=2 start_col=19 end_col=23
text = """a
b"""
print(greet(text))
#           ^ refers_to: text@5
#           ^ node: REFERENCE text=text start_line=7 start_col=12
#! status: ok
#! !diagnostic:
#! file: line_count=12
