w = torch.tensor([1.0, 2.0], requires_grad=True)
with torch.no_grad():
    a = w * 2
    w.add_(1.0)
b = w * 2
print(a.requires_grad, b.requires_grad, w)
with torch.enable_grad():
    c = w.sum()
print(c.requires_grad, torch.is_grad_enabled())
