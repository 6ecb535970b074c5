a = torch.ones(2)
b = torch.ones(2, device="meta")
print(a.device, b.device)
c = a + b
