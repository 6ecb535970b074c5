x = torch.tensor(1.5, requires_grad=True)
u = x ** 2
v = u.sin()
w = v.exp()
w.backward()
print(u.grad_fn.name(), v.grad_fn.name(), w.grad_fn.name())
print(x.grad)
print(torch.exp(torch.sin(x ** 2)) * torch.cos(x ** 2) * 2 * x)
