import torch.nn.functional as F
import torch.optim as optim
torch.manual_seed(4)
x = torch.randn(20, 2)
labels = (x[:, 0] + x[:, 1] > 0).float()
w = torch.zeros(2, requires_grad=True)
b = torch.zeros(1, requires_grad=True)
opt = optim.SGD([w, b], lr=0.5)
for step in range(30):
    opt.zero_grad()
    logits = x @ w + b
    loss = F.binary_cross_entropy_with_logits(logits, labels)
    loss.backward()
    opt.step()
accuracy = ((x @ w + b > 0).float() == labels).float().mean()
print(loss, accuracy)
