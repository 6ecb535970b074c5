# Changing a tensor in place after autograd saved it breaks backward.
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x.exp()        # exp saves its output y for backward
y.add_(1)          # in-place change: autograd sees that y's version went up
y.sum().backward() # RuntimeError: a saved tensor was modified
