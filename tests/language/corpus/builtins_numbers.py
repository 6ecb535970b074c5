values = [3, -1.5, 2.25, 7]
print(len(values), sum(values), min(values), max(values), abs(-4), round(2.675, 2), round(7.5))
print(float("2.5"), int(9.99), int("12"), float(3), abs(-2.5))
print(list(range(2, 11, 3)), tuple(range(3)), list("ab"))
for i, v in enumerate(values, start=1):
    print(i, v)
for a, b in zip(values, "xyz"):
    print(a, b)
