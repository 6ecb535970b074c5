import torch.optim as optim
w = torch.tensor([2.0, -3.0], requires_grad=True)
opt = optim.SGD([w], lr=0.1, momentum=0.9)
for i in range(5):
    opt.zero_grad()
    loss = (w ** 2).sum()
    loss.backward()
    opt.step()
    print(i, loss.item(), w)
