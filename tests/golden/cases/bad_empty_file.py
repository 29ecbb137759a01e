# An empty file is a fine module with no facts; an empty __init__.py makes a package.
#! @empty.py status: ok
#! @empty.py !diagnostic: syntax_error
#! @empty.py !diagnostic: decode_error
#! @empty.py file: size_bytes=0 line_count=0 module=empty
#! @empty.py count: FILE 1
#! @empty.py count: MODULE 1
#! @empty.py count: REFERENCE 0
#! @empty.py count: VARIABLE 0
#! node: MODULE qualname=empty
#! @pkg/__init__.py status: ok
#! node: PACKAGE qualname=pkg
#--- path: empty.py ---#
#--- path: pkg/__init__.py ---#
