# INHERITS edges carry the base's position in the class statement; a base from an
# unresolved module is an EXTERNAL named by its dotted path; keyword arguments of the
# class statement (metaclass=...) are not bases.
import abc
import extlib


class First:
    pass


class Second:
    pass


class Multi(First, extlib.Base, Second):
    # ^ inherits: CLASS First@8, EXTERNAL extlib.Base, CLASS Second@12
    pass


class WithMeta(Second, metaclass=abc.ABCMeta):
    # ^ inherits: CLASS Second@12
    pass


class Plain:
    # ^ inherits:
    pass
#! edge: CLASS main.Multi INHERITS EXTERNAL extlib.Base
#! !edge: CLASS main.WithMeta INHERITS EXTERNAL abc.ABCMeta
