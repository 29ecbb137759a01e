# A syntax error gives status syntax_error, a syntax_error diagnostic (row and DIAGNOSTIC
# node) on the broken line, and keeps the facts before and after it.
def before():
    return 1


value = = 2
#     ^ diagnostic: syntax_error


def after():
    return before()
    #      ^ refers_to: FUNCTION before@3
    #      ^ node: CALL name=before text=before()
#! status: syntax_error
#! diagnostic: syntax_error
#! node: FUNCTION name=before qualname=main.before
#! node: FUNCTION name=after qualname=main.after
#! edge: FILE main.py HAS_DIAGNOSTIC DIAGNOSTIC syntax_error
#! node: DIAGNOSTIC name=syntax_error path=main.py start_line=7
