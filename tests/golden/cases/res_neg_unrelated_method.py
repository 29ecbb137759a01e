# A method call resolves through the receiver's class only: another class with a method
# of the same name (even one defined later, or in another module) is never the callee.
#--- path: other.py ---#
class Disk:
    def save(self):
        return "disk"
#--- path: main.py ---#
import other


class Memory:
    def save(self):
        return "memory"


class Cloud:
    def save(self):
        return "cloud"


m = Memory()
r = m.save()
#     ^ refers_to: FUNCTION save@5
#     ^ calls: FUNCTION save@5
#     ^ !calls: FUNCTION save@10, FUNCTION save@other.py:2
d = other.Disk().save()
#                ^ calls: FUNCTION save@other.py:2
#                ^ !calls: FUNCTION save@5, FUNCTION save@10
