# A binding later in a loop body reaches reads earlier in the body through the back edge;
# a for loop's target rebinds its name on every iteration.
total = 0
for item in range(3):
    print(total)
    #     ^ refers_to: total@3, total@9
    print(item)
    #     ^ refers_to: item@4
    total = total + item
    #       ^ refers_to: total@3, total@9
print(total)
#     ^ refers_to: total@3, total@9

for item in range(3):
    print(item)
    #     ^ refers_to: item@14
    item = 0

n = 10
while n:
    n = n - 1
    #   ^ refers_to: n@19, n@21
