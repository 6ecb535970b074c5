import torch.optim as optim
torch.manual_seed(2)
w = torch.randn(3, requires_grad=True)
b = torch.zeros(1, requires_grad=True)
opt = optim.Adam([w, b], lr=0.05)
x = torch.randn(8, 3)
y = x.sum(dim=1, keepdim=True)
for epoch in range(20):
    opt.zero_grad()
    loss = ((x @ w.view(3, 1) + b - y) ** 2).mean()
    loss.backward()
    opt.step()
print(loss)
print(w, b)
