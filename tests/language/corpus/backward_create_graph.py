x = torch.tensor(2.0, requires_grad=True)
y = x ** 3
y.backward(create_graph=True)
g = x.grad
print(g, g.requires_grad)
x.grad = None
g.backward()
print(x.grad)
