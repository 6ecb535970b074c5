a = torch.tensor(2.0, requires_grad=True)
b = torch.tensor(3.0, requires_grad=True)
c = a * b + a
print(c.grad_fn.name())
print([f[0].name() if f[0] is not None else None for f in c.grad_fn.next_functions])
print(a.grad_fn, a.is_leaf, c.is_leaf)
