# A leaf moved to another dtype or device is a new, non-leaf tensor.
w = torch.tensor([1.0, 2.0], requires_grad=True).to(torch.float64)
print("w.is_leaf:", w.is_leaf, "grad_fn:", w.grad_fn)
loss = (w * 3).sum()
loss.backward()
print("w.grad:", w.grad)   # None, with a warning: w is not a leaf

# Create the tensor with its dtype (and device) first, then ask for gradients.
v = torch.tensor([1.0, 2.0], dtype=torch.float64, requires_grad=True)
(v * 3).sum().backward()
print("v.is_leaf:", v.is_leaf, "v.grad:", v.grad)
