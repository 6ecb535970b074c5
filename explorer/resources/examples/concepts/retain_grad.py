# A non-leaf tensor keeps its .grad only after retain_grad().
x = torch.tensor(3.0, requires_grad=True)
y = x * 4
y.retain_grad()
z = y ** 2
z.backward()

print("y.is_leaf:", y.is_leaf)
print("y.grad (kept by retain_grad):", y.grad)
print("x.grad:", x.grad)
