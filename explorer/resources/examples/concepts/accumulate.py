# backward adds to .grad; it does not replace it. zero_grad() resets .grad to None.
w = torch.tensor(1.5, requires_grad=True)
optimizer = torch.optim.SGD([w], lr=0.1)

for step in range(3):
    loss = (w * 2) ** 2
    loss.backward()
    print(f"step {step}: w.grad = {w.grad.item()}")

optimizer.zero_grad()
print("after zero_grad:", w.grad)
loss = (w * 2) ** 2
loss.backward()
print("one backward again:", w.grad.item())
