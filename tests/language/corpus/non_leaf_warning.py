a = torch.tensor([1.0, 2.0], requires_grad=True)
b = torch.tensor([3.0, 4.0], requires_grad=True)
t = a + b
t.sum().backward()
print(t.grad)
print(a.grad, b.grad)
