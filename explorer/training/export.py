"""A run as a plain PyTorch script, and its loss history as CSV.

The script repeats `RegressionTrainer`'s operations in the same order with the
same seeded generator, so on the CPU it ends with the same weights as the run.
It needs only torch and prints the final weights and bias as JSON.
"""

from __future__ import annotations

import io

import numpy as np

from explorer.training.config import MOMENTUM, TrainingConfig

_OPTIMIZER_CALLS = {
    "sgd": "optim.SGD([w1, b1], lr=learning_rate)",
    "momentum": f"optim.SGD([w1, b1], lr=learning_rate, momentum={MOMENTUM!r})",
    "adam": "optim.Adam([w1, b1], lr=learning_rate)",
    "rmsprop": "optim.RMSprop([w1, b1], lr=learning_rate)",
    "adagrad": "optim.Adagrad([w1, b1], lr=learning_rate)",
}

_FULL_BATCH_LOOP = """\
for epoch in range(epochs):
    y_hat = x.matmul(w1) + b1
    cost = torch.mean((y - y_hat) ** 2)

    optimizer.zero_grad()
    cost.backward()
    optimizer.step()

    if not epoch % report_every:
        print(f"{epoch + 1}/{epochs}: cost={cost.item():.6e}")
"""

_MINIBATCH_LOOP = """\
for epoch in range(epochs):
    # A new order of the samples every epoch, drawn from the same generator as the data.
    order = torch.randperm(R, generator=generator, device=device)
    total = torch.zeros((), device=device, dtype=dtype)
    for start in range(0, R, batch_size):
        index = order[start:start + batch_size]
        x_batch = x[index]
        y_batch = y[index]
        y_hat = x_batch.matmul(w1) + b1
        cost = torch.mean((y_batch - y_hat) ** 2)

        optimizer.zero_grad()
        cost.backward()
        optimizer.step()
        total += cost.data * len(index)

    if not epoch % report_every:
        print(f"{epoch + 1}/{epochs}: cost={(total / R).item():.6e}")
"""


def export_script(config: TrainingConfig, epochs: int | None = None) -> str:
    """Return a standalone Python script that trains like `config` for `epochs` (default: all).

    Pass the epochs a stopped run reached to reproduce its weights.
    """
    epochs = config.epochs if epochs is None else epochs
    noise = ""
    if config.noise_std > 0:
        noise = (
            "noise = torch.randn((R, 1), generator=generator, device=device, dtype=dtype)\n"
            f"y = y + {config.noise_std!r} * noise\n"
        )
    minibatch = config.steps_per_epoch > 1
    lines = [
        '"""Linear regression exported from Autograd Explorer. Run it with: python this_file.py"""',
        "",
        "import json",
        "",
        "import torch",
        "from torch import optim",
        "",
        f"device = torch.device({config.device!r})",
        f"dtype = torch.{config.dtype}",
        f"R, C = {config.samples}, {config.features}  # samples, features",
        f"epochs = {epochs}",
        f"learning_rate = {config.lr!r}",
        f"batch_size = {config.batch_size if minibatch else config.samples}",
        "report_every = max(1, epochs // 10)",
        "",
        "# One seeded generator draws the data, the noise and the minibatch orders,",
        "# so the global random state is left alone.",
        f"generator = torch.Generator(device=device).manual_seed({config.seed})",
        "x = torch.randn((R, C), generator=generator, device=device, dtype=dtype)",
        f"true_weights = torch.tensor({list(config.true_weights)!r}, device=device, dtype=dtype).view(-1, 1)",
        f"y = x.matmul(true_weights) + {config.true_bias!r}",
        noise.rstrip("\n"),
        "",
        "w1 = torch.zeros((C, 1), device=device, dtype=dtype, requires_grad=True)",
        "b1 = torch.zeros(1, device=device, dtype=dtype, requires_grad=True)",
        f"optimizer = {_OPTIMIZER_CALLS[config.optimizer]}",
        "",
        (_MINIBATCH_LOOP if minibatch else _FULL_BATCH_LOOP).rstrip("\n"),
        "",
        f"test_input = torch.tensor([{list(config.test_input)!r}], device=device, dtype=dtype)",
        "with torch.no_grad():",
        "    prediction = test_input.matmul(w1) + b1",
        "print(json.dumps({",
        '    "weights": w1.detach().view(-1).tolist(),',
        '    "bias": b1.item(),',
        '    "prediction": prediction.item(),',
        "}))",
    ]
    return "\n".join(line for line in lines if line is not None) + "\n"


def loss_csv(losses: np.ndarray, first_epoch: int = 1) -> str:
    """Return the loss history as CSV text with the header "epoch,loss"."""
    buffer = io.StringIO()
    buffer.write("epoch,loss\n")
    epochs = np.arange(first_epoch, first_epoch + len(losses))
    # repr-like precision: 9 significant digits round-trip a float32, 17 a float64.
    digits = 9 if np.asarray(losses).dtype == np.float32 else 17
    for epoch, loss in zip(epochs.tolist(), np.asarray(losses, dtype=np.float64).tolist()):
        buffer.write(f"{epoch},{loss:.{digits}g}\n")
    return buffer.getvalue()
