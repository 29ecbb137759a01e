# PACKAGE nodes for package directories (dotted qualname, path = the directory) and their
# CONTAINS edges: package -> sub-package and package -> module, direct children only.
#! node: PACKAGE qualname=pkg path=pkg
#! node: PACKAGE qualname=pkg.sub path=pkg/sub
#! edge: PACKAGE pkg CONTAINS PACKAGE pkg.sub
#! edge: PACKAGE pkg CONTAINS MODULE pkg.top
#! edge: PACKAGE pkg.sub CONTAINS MODULE pkg.sub.leaf
#! !edge: PACKAGE pkg CONTAINS MODULE pkg.sub.leaf
#! !edge: PACKAGE pkg.sub CONTAINS MODULE pkg.top
#! @pkg/sub/__init__.py file: module=pkg.sub
#--- path: pkg/__init__.py ---#
#--- path: pkg/top.py ---#
TOP = 1
#! file: module=pkg.top
#--- path: pkg/sub/__init__.py ---#
#--- path: pkg/sub/leaf.py ---#
VALUE = 2
#! file: module=pkg.sub.leaf
