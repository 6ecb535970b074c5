x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x * 2
y.backward(gradient=torch.tensor([0.1, 1.0, 1e-4]))
print(x.grad)
x.grad = None
z = x ** 2
z.backward(torch.ones(3))
print(x.grad)
