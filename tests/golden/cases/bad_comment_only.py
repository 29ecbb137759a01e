# Only comments here.
# def not_code(): pass
# x = 1
#! status: ok
#! !diagnostic:
#! count: MODULE 1
#! count: FUNCTION 0
#! count: VARIABLE 0
#! count: REFERENCE 0
#! file: line_count=10
