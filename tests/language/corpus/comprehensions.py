xs = [torch.tensor(float(i), requires_grad=True) for i in range(4)]
ys = [x ** 2 for x in xs if x.item() > 0]
total = sum(ys)
total.backward()
print([x.grad for x in xs])
print({i: y.item() for i, y in enumerate(ys)})
print([[i * j for j in range(3)] for i in range(2)])
