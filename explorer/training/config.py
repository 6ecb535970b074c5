"""Settings of the tutorial's linear regression and their checks.

`TrainingConfig.validate()` returns every problem as a translatable `Text`, so
the training tab can show them inline and the command line can print them.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from explorer.i18n import QT_TRANSLATE_NOOP, Text

CONTEXT = "TrainingConfig"

# The inputs x hold samples * features float32 values (4 bytes each), so x is
# 40 MB at this limit. The targets and one step's intermediates (y_hat, y - y_hat,
# its square, their gradients) add a few values per sample: a few hundred MB at
# most, so a typing slip cannot exhaust memory.
MAX_DATA_VALUES = 10_000_000
# Each epoch's loss is kept as a float32 for the loss curve: 40 MB at this limit.
MAX_EPOCHS = 10_000_000
# torch.Generator.manual_seed accepts any unsigned 64-bit value.
MAX_SEED = 2**64 - 1


class ConfigError(ValueError):
    """Invalid training settings; `errors` lists every problem found."""

    def __init__(self, errors: list[Text]) -> None:
        super().__init__("; ".join(str(error) for error in errors))
        self.errors = errors


@dataclass(frozen=True)
class TrainingConfig:
    """Settings of one regression run: data shape, optimizer, seed and device.

    The targets follow y = true_weight * sum(x) + true_bias, so with the
    defaults the trained weights approach (2, 2, 2) and the bias approaches 1.
    """

    samples: int = 500
    features: int = 3
    epochs: int = 10000
    lr: float = 1e-3
    seed: int = 1120
    device: str = "cpu"
    test_input: tuple[float, ...] = field(default=(1.0, 2.0, 4.0))
    true_weight: float = 2.0
    true_bias: float = 1.0

    @property
    def expected_prediction(self) -> float:
        """The value the true weight and bias give for `test_input`."""
        return self.true_weight * math.fsum(self.test_input) + self.true_bias

    def validate(self, *, include_device: bool = True) -> list[Text]:
        """Check every setting; returns the problems found, empty when the config is valid.

        The device check imports torch and may query the accelerator driver, so
        the GUI thread passes `include_device=False` and leaves it to the worker.
        """
        errors: list[Text] = []
        errors += _check_counts(self)
        errors += _check_numbers(self)
        errors += _check_test_input(self)
        if include_device:
            device_error = check_device(self.device)
            if device_error is not None:
                errors.append(device_error)
        return errors


def _is_int(value: object) -> bool:
    # bool is a subclass of int, but True samples is a typing slip, not a count.
    return isinstance(value, int) and not isinstance(value, bool)


def _is_finite_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _check_counts(config: TrainingConfig) -> list[Text]:
    errors: list[Text] = []
    if not _is_int(config.samples) or config.samples < 1:
        errors.append(Text(CONTEXT, QT_TRANSLATE_NOOP(
            "TrainingConfig", "Samples must be a whole number of at least 1, got {value!r}."),
            {"value": config.samples}))
    if not _is_int(config.features) or config.features < 1:
        errors.append(Text(CONTEXT, QT_TRANSLATE_NOOP(
            "TrainingConfig", "Features must be a whole number of at least 1, got {value!r}."),
            {"value": config.features}))
    if not errors and config.samples * config.features > MAX_DATA_VALUES:
        errors.append(Text(CONTEXT, QT_TRANSLATE_NOOP(
            "TrainingConfig",
            "Samples × features is {count:,}, above the limit of {limit:,} values. "
            "Use fewer samples or features."),
            {"count": config.samples * config.features, "limit": MAX_DATA_VALUES}))
    if not _is_int(config.epochs) or config.epochs < 1:
        errors.append(Text(CONTEXT, QT_TRANSLATE_NOOP(
            "TrainingConfig", "Epochs must be a whole number of at least 1, got {value!r}."),
            {"value": config.epochs}))
    elif config.epochs > MAX_EPOCHS:
        errors.append(Text(CONTEXT, QT_TRANSLATE_NOOP(
            "TrainingConfig", "Epochs is {value:,}, above the limit of {limit:,}."),
            {"value": config.epochs, "limit": MAX_EPOCHS}))
    if not _is_int(config.seed) or not 0 <= config.seed <= MAX_SEED:
        errors.append(Text(CONTEXT, QT_TRANSLATE_NOOP(
            "TrainingConfig", "Seed must be a whole number from 0 to {limit}, got {value!r}."),
            {"value": config.seed, "limit": MAX_SEED}))
    return errors


def _check_numbers(config: TrainingConfig) -> list[Text]:
    errors: list[Text] = []
    if not _is_finite_number(config.lr) or config.lr <= 0:
        errors.append(Text(CONTEXT, QT_TRANSLATE_NOOP(
            "TrainingConfig", "Learning rate must be a finite number greater than 0, got {value!r}."),
            {"value": config.lr}))
    if not _is_finite_number(config.true_weight):
        errors.append(Text(CONTEXT, QT_TRANSLATE_NOOP(
            "TrainingConfig", "True weight must be a finite number, got {value!r}."),
            {"value": config.true_weight}))
    if not _is_finite_number(config.true_bias):
        errors.append(Text(CONTEXT, QT_TRANSLATE_NOOP(
            "TrainingConfig", "True bias must be a finite number, got {value!r}."),
            {"value": config.true_bias}))
    return errors


def _check_test_input(config: TrainingConfig) -> list[Text]:
    values = config.test_input
    if not isinstance(values, (tuple, list)) or not all(_is_finite_number(v) for v in values):
        return [Text(CONTEXT, QT_TRANSLATE_NOOP(
            "TrainingConfig", "The test input must be a list of finite numbers, got {value!r}."),
            {"value": values})]
    # An invalid feature count has its own message, so the length is only checked against a valid one.
    if _is_int(config.features) and config.features >= 1 and len(values) != config.features:
        return [Text(CONTEXT, QT_TRANSLATE_NOOP(
            "TrainingConfig",
            "The test input has {count} numbers but each sample has {features} features. "
            "Enter {features} numbers."),
            {"count": len(values), "features": config.features})]
    return []


def check_device(device: object) -> Text | None:
    """Check that torch supports `device` and that this machine has it; returns the problem or None.

    Only the CPU and the accelerator torch reports (CUDA, MPS, XPU...) are accepted: `meta`
    and other device types parse but cannot hold training data.
    """
    # Imported here so that the GUI can validate the other settings before torch loads.
    import torch

    try:
        parsed = torch.device(device) if isinstance(device, str) else None
    except RuntimeError:
        parsed = None
    if parsed is None:
        return Text(CONTEXT, QT_TRANSLATE_NOOP(
            "TrainingConfig", "Unknown device {device!r}. Use cpu or an available accelerator such as cuda."),
            {"device": device})
    if parsed.type == "cpu":
        return None
    accelerator = torch.accelerator.current_accelerator() if torch.accelerator.is_available() else None
    count = torch.accelerator.device_count() if accelerator is not None else 0
    index = parsed.index or 0
    if accelerator is None or parsed.type != accelerator.type or index >= count:
        available = ["cpu"]
        if accelerator is not None:
            available += [f"{accelerator.type}:{i}" for i in range(count)]
        return Text(CONTEXT, QT_TRANSLATE_NOOP(
            "TrainingConfig", "Device {device!r} is not available on this machine. Available: {available}."),
            {"device": device, "available": ", ".join(available)})
    return None


_BRACKETS = "[]()"
_SEPARATOR = re.compile(r"[,\s]+")


def parse_test_input(text: str) -> tuple[float, ...]:
    """Parse numbers separated by commas or spaces, such as "1, 2, 4" or "[1 2 4]".

    Raises ConfigError naming the first item that is not a finite number.
    """
    # Brackets and separators at the ends are dropped, so "[1, 2, 4]" and "1, 2, 4," parse.
    stripped = text.strip().strip(_BRACKETS).strip(" \t,")
    if not stripped:
        raise ConfigError([Text(CONTEXT, QT_TRANSLATE_NOOP(
            "TrainingConfig", "The test input is empty. Enter numbers separated by commas, such as 1, 2, 4."))])
    values: list[float] = []
    for position, item in enumerate(_SEPARATOR.split(stripped), start=1):
        try:
            value = float(item)
        except ValueError:
            raise ConfigError([Text(CONTEXT, QT_TRANSLATE_NOOP(
                "TrainingConfig",
                "Test input item {position} ({item!r}) is not a number. "
                "Enter numbers separated by commas, such as 1, 2, 4."),
                {"position": position, "item": item})]) from None
        if not math.isfinite(value):
            raise ConfigError([Text(CONTEXT, QT_TRANSLATE_NOOP(
                "TrainingConfig", "Test input item {position} ({item!r}) is not a finite number."),
                {"position": position, "item": item})])
        values.append(value)
    return tuple(values)
