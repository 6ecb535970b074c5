x = torch.tensor(0.5, requires_grad=True)
y = x
for i in range(6):
    if i % 2 == 0:
        y = y * 2
    elif i == 3:
        y = y + 1
    else:
        y = y.sin()
y.backward()
print(y, x.grad)
count = 0
while count < 3:
    count += 1
print(count)
