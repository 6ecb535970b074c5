x = torch.arange(4.0)
print(x[3])
print(x[4])
