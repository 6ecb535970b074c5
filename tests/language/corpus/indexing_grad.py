x = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], requires_grad=True)
y = x[0, 1:] * 2 + x[1, :2] ** 2
z = x[:, 2].sum() + x[x > 4].sum()
(y.sum() + z).backward()
print(y, z)
print(x.grad)
