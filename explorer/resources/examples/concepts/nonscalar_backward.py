# backward on a non-scalar needs gradient=: the weights of a vector-Jacobian product.
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x * x

weights = torch.tensor([1.0, 0.1, 0.01])
y.backward(gradient=weights)
print("x.grad = weights * 2x:", x.grad)

x.grad = None
y = x * x
y.sum().backward()   # the same as gradient=torch.ones_like(y)
print("with sum():", x.grad)
