# create_graph=True records the backward pass, so a gradient can be differentiated again.
x = torch.tensor(2.0, requires_grad=True)
y = x ** 3

first = torch.autograd.grad(y, x, create_graph=True)[0]   # 3x**2 = 12
print("dy/dx:", first, "grad_fn:", first.grad_fn)

second = torch.autograd.grad(first, x)[0]                 # 6x = 12
print("d2y/dx2:", second)
