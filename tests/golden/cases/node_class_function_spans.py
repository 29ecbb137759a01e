def deco(f):
    return f


@deco
# ^ !node: FUNCTION
# ^ node: REFERENCE name=deco text=deco
def decorated(a):
    return a
# ^ node: FUNCTION name=decorated qualname=main.decorated start_line=8 start_col=0 end_line=9


def one_liner(): return 1
# ^ node: FUNCTION name=one_liner text=`def one_liner(): return 1`


@deco
class Point:
    x = 0
# ^ node: CLASS name=Point qualname=main.Point start_line=18 start_col=0 end_line=19
#! count: FUNCTION 3
#! count: CLASS 1
