import torch.nn.functional as F
x = torch.tensor([[-1.0, 0.0, 2.0], [3.0, -0.5, 0.5]], requires_grad=True)
r = F.relu(x)
s = F.softmax(x, dim=1)
s0 = F.softmax(x, dim=0)
print(r, s, s0, sep="\n")
print(s.sum(dim=1))
(r.sum() + (s * torch.arange(3.0)).sum()).backward()
print(x.grad)
