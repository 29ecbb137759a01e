# Names inside f-string replacement fields (and nested format specs) are references;
# literal text and escaped braces are not.
name = "world"
width = 10


class Box:
    size = 3


box = Box()
print(f"hello {name}!")
#              ^ refers_to: name@3
#        ^ !node: REFERENCE
print(f"{box.size:>{width}} {name!r}")
#        ^ refers_to: box@11
#            ^ node: REFERENCE name=size text=size
#                   ^ refers_to: width@4
#                            ^ refers_to: name@3
print(f"{{name}}")
#         ^ !node: REFERENCE
print(f"{f'{width}'}")
#           ^ refers_to: width@4
