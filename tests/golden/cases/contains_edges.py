# CONTAINS goes from a module, class, function or lambda to the definitions, calls,
# imports and references directly inside it (not to those of nested definitions);
# comprehensions are not nodes, their contents belong to the enclosing node.
import os


class Repo:
    def list(self):
        return [os.path.join(p) for p in self.paths()]
    # ^ FUNCTION contains+: CALL os.path.join@9, CALL self.paths@9, REFERENCE p@9, REFERENCE os@9, REFERENCE self@9
    # ^ CLASS contains: FUNCTION list@8


def main():
    def inner():
        return Repo()
        #      ^ FUNCTION contains: CALL Repo@16, REFERENCE Repo@16
    return inner
    # ^ FUNCTION contains: FUNCTION inner@15, REFERENCE inner@18
# ^ MODULE contains+: IMPORT os@4, CLASS Repo@7, FUNCTION main@14
# ^ !MODULE contains: FUNCTION list@8, FUNCTION inner@15, CALL Repo@16, REFERENCE inner@18
#! edge: FILE main.py CONTAINS MODULE main
