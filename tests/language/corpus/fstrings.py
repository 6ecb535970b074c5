loss = torch.tensor(0.123456)
w = torch.tensor([1.5, 2.5])
step = 7
print(f"step {step:03d}: loss={loss:.4f}")
print(f"loss={loss}")
print(f"w={w}, first={w[0]:.2f}, {w.sum().item()=}")
print(f"{step!r:>6}|{'left':<6}|{3.14159:e}")
