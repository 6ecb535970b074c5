w = torch.tensor([1.0, -1.0], requires_grad=True)
for step in range(3):
    loss = (w * w).sum()
    loss.backward()
    print(step, w.grad)
    with torch.no_grad():
        w -= 0.1 * w.grad
    w.grad.zero_()
print(w)
