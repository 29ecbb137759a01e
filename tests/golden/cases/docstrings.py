"""Module docstring mentions helper and LIMIT."""
#                               ^ !node: REFERENCE
LIMIT = 1


def helper():
    """Return LIMIT; see helper."""
    #         ^ !node: REFERENCE
    return LIMIT
    #      ^ refers_to: LIMIT@3


class Thing:
    """Docs for Thing and helper."""
    x = "helper"
    #    ^ !node: REFERENCE
#! count: REFERENCE 1
