# The chain rule: backward multiplies the local derivatives along the path.
x = torch.tensor(2.0, requires_grad=True)
y = x ** 2          # dy/dx = 2x
z = torch.sin(y)    # dz/dy = cos(y)
z.backward()

print("x.grad:", x.grad)
print("by hand, cos(x**2) * 2x:", torch.cos(x.detach() ** 2) * 2 * x.detach())
print("z.grad_fn:", z.grad_fn)
print("next:", z.grad_fn.next_functions)
