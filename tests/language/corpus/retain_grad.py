a = torch.tensor(2.0, requires_grad=True)
b = a * 3
b.retain_grad()
c = b ** 2
c.retain_grad()
d = c + b
d.backward()
print(a.grad, b.grad, c.grad, d.grad_fn.name())
print(b.retains_grad, a.retains_grad)
