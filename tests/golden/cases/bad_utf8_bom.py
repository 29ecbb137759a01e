# A UTF-8 byte order mark is skipped by the parser, but spans stay byte offsets into the
# file (so line 1 starts at byte 3); columns are as CPython reports them (BOM excluded).
#--- path: bom.py bom: yes ---#
first = 1
#^ node: VARIABLE name=first text=first start_line=1 start_col=0
second = first
#        ^ refers_to: first@1
#        ^ node: REFERENCE text=first
#! status: ok
#! !diagnostic:
