x = torch.tensor([0.5, 1.0, 2.0], requires_grad=True)
parts = [torch.exp(x), torch.log(x), torch.sin(x), torch.cos(x), torch.tanh(x), torch.sigmoid(x), torch.relu(x - 1), torch.sqrt(x), torch.abs(x - 1)]
total = sum(p.sum() for p in parts)
total.backward()
print([p.grad_fn.name() for p in parts])
print(total)
print(x.grad)
