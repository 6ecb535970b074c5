ok = torch.tensor([1.0, 2.0], requires_grad=True)
print(ok)
bad = torch.tensor([1, 2], requires_grad=True)
