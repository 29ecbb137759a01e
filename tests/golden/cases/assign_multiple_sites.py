# Every binding site is its own VARIABLE node; a read refers to the binding sites of the
# name in its scope that may reach it (all arms of an if/else), parameters included.
import random

if random.random() > 0.5:
    mode = "fast"
    # ^ node: VARIABLE name=mode qualname=main.mode text=mode
else:
    mode = "slow"
print(mode)
#     ^ refers_to: VARIABLE mode@6, VARIABLE mode@9

first = second = 0
# ^ node: VARIABLE name=first
#       ^ node: VARIABLE name=second text=second
print(first, second)
#     ^ refers_to: first@13
#            ^ refers_to: second@13


def step(n):
    n = n + 1
    #   ^ refers_to: PARAMETER n@21
    return n
    #      ^ refers_to: VARIABLE n@22
