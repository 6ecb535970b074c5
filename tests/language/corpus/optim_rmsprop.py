from torch import optim
w = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
opt = optim.RMSprop([w], lr=0.01)
for _ in range(4):
    opt.zero_grad()
    (w.sigmoid() * w).sum().backward()
    opt.step()
print(w)
print(opt.param_groups[0]["lr"])
