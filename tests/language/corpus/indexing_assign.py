x = torch.zeros(3, 4)
x[0] = 1.0
x[1, 2] = 7.0
x[:, 3] += 2.0
x[2, :2] = torch.tensor([5.0, 6.0])
print(x)
