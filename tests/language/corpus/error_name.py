x = torch.ones(2)
print(x)
y = x + undefined_tensor
