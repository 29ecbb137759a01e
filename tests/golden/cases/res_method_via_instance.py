# A method called on an instance (held by a variable, returned by a function, or stored in
# an attribute) resolves through the instance's class.
#--- path: svc.py ---#
class Service:
    def run(self):
        return "run"


def get_service():
    return Service()
#--- path: main.py ---#
from svc import Service, get_service


class App:
    def __init__(self):
        self.svc = Service()

    def start(self):
        return self.svc.run()
        #               ^ refers_to: FUNCTION run@svc.py:2
        #               ^ calls: FUNCTION run@svc.py:2


obj = Service()
r1 = obj.run()
#        ^ calls: FUNCTION run@svc.py:2
r2 = get_service().run()
#                  ^ calls: FUNCTION run@svc.py:2
r3 = App().start()
#          ^ calls: FUNCTION start@8
