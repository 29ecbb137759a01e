# A class body is not an enclosing scope for the functions defined in it: a method that
# reads `limit` or calls `helper()` by bare name gets the module globals, never the class
# attribute or the method of the same name.
limit = "global"


def helper():
    return "global helper"


class Config:
    limit = "class"

    def helper(self):
        return "method"

    def read(self):
        return limit, helper()
        #      ^ refers_to: VARIABLE limit@4
        #      ^ !refers_to: VARIABLE limit@12
        #             ^ refers_to: FUNCTION helper@7
        #             ^ calls: FUNCTION helper@7
        #             ^ !calls: FUNCTION helper@14


assert Config().read() == ("global", "global helper")
