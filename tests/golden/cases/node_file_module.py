# FILE and MODULE nodes: one each per file, FILE CONTAINS MODULE, dotted module names
# relative to the repository root.
#! @pkg/__init__.py file: module=pkg status=ok
#! node: MODULE name=pkg qualname=pkg path=pkg/__init__.py
#! edge: FILE pkg/__init__.py CONTAINS MODULE pkg
#--- path: pkg/__init__.py ---#
#--- path: pkg/mod.py ---#
"""A plain module."""
LIMIT = 1
#! file: module=pkg.mod status=ok
#! node: FILE name=pkg/mod.py qualname=pkg/mod.py path=pkg/mod.py
#! node: MODULE name=mod qualname=pkg.mod path=pkg/mod.py
#! edge: FILE pkg/mod.py CONTAINS MODULE pkg.mod
#! !edge: FILE pkg/mod.py CONTAINS MODULE pkg
#! count: FILE 1
#! count: MODULE 1
