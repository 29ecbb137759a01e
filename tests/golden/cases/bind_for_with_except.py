# for, with ... as and except ... as targets are binding sites.
import contextlib

for index, item in enumerate("ab"):
    # ^ node: VARIABLE name=index qualname=main.index text=index
    print(index, item)
    #     ^ refers_to: index@4
    #            ^ refers_to: item@4

with contextlib.nullcontext(1) as one, contextlib.nullcontext((2, 3)) as (two, three):
    print(one, two, three)
    #     ^ refers_to: one@10
    #          ^ refers_to: two@10
    #               ^ refers_to: three@10

try:
    raise ValueError("x")
except ValueError as err:
    #                ^ node: VARIABLE name=err qualname=main.err text=err
    #      ^ refers_to: EXTERNAL builtins.ValueError
    print(err)
    #     ^ refers_to: err@18


def scan(rows):
    for row in rows:
        yield row
        #     ^ refers_to: row@26
