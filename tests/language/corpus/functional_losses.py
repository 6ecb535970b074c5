import torch.nn.functional as F
torch.manual_seed(5)
pred = torch.randn(4, 3, requires_grad=True)
target = torch.randn(4, 3)
labels = torch.tensor([0, 2, 1, 2])
mse = F.mse_loss(pred, target)
ce = F.cross_entropy(pred, labels)
bce = F.binary_cross_entropy_with_logits(pred, (target > 0).float())
total = mse + ce + bce
total.backward()
print(mse, ce, bce, sep="\n")
print(pred.grad)
