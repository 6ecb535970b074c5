# torch.no_grad() and detach() both give tensors that autograd does not track.
w = torch.tensor([1.0, 2.0], requires_grad=True)

with torch.no_grad():
    scaled = w * 10
print("inside no_grad, requires_grad:", scaled.requires_grad, "grad_fn:", scaled.grad_fn)

frozen = w.detach()
print("detach shares the values:", frozen, "requires_grad:", frozen.requires_grad)

loss = (w * frozen).sum()
loss.backward()
print("w.grad counts only the tracked factor:", w.grad)
