# An attribute an instance is given is a REFERS_TO target of its reads even when nothing is
# known of the value it holds (`self.flag = flag` with a parameter no caller fills).
class Inspect:
    def __init__(self, flag):
        self.flag = flag

    def render(self):
        if self.flag:
        #       ^ refers_to: REFERENCE flag@5
            return 1
        return self.flag
        #           ^ refers_to: REFERENCE flag@5
