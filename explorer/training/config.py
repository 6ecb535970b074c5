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

# Optimizer names, in the order the form and the command line list them.
OPTIMIZERS = ("sgd", "momentum", "adam", "rmsprop", "adagrad")
# The momentum factor of the "momentum" optimizer, PyTorch's usual example value.
MOMENTUM = 0.9
DTYPES = ("float32", "float64")
# A batch size of 0 means full batch: every epoch is one step over all samples.
FULL_BATCH = 0


class ConfigError(ValueError):
    """Invalid training settings; `errors` lists every problem found."""

    def __init__(self, errors: list[Text]) -> None:
        super().__init__("; ".join(str(error) for error in errors))
        self.errors = errors


@dataclass(frozen=True)
class TrainingConfig:
    """Settings of one regression run: data shape, optimizer, seed and device.

    The targets follow y = x @ true_weights + true_bias + noise, with noise drawn
    from N(0, noise_std**2), so with the defaults the trained weights approach
    (2, 2, 2) and the bias approaches 1. `true_weight` is one number for every
    feature or one number per feature. `batch_size` 0 means full batch; a
    smaller size splits each epoch into minibatches in a fresh random order.
    """

    samples: int = 500
    features: int = 3
    epochs: int = 10000
    lr: float = 1e-3
    seed: int = 1120
    device: str = "cpu"
    test_input: tuple[float, ...] = field(default=(1.0, 2.0, 4.0))
    true_weight: float | tuple[float, ...] = 2.0
    true_bias: float = 1.0
    noise_std: float = 0.0
    optimizer: str = "sgd"
    batch_size: int = FULL_BATCH
    dtype: str = "float32"

    @property
    def true_weights(self) -> tuple[float, ...]:
        """The true weight of each feature."""
        if isinstance(self.true_weight, (tuple, list)):
            if len(self.true_weight) == 1:
                return tuple(self.true_weight) * self.features
            return tuple(self.true_weight)
        return (self.true_weight,) * self.features

    @property
    def steps_per_epoch(self) -> int:
        """Optimizer steps in one epoch: 1 for full batch, else the number of minibatches."""
        if self.batch_size == FULL_BATCH or self.batch_size >= self.samples:
            return 1
        return -(-self.samples // self.batch_size)

    @property
    def expected_prediction(self) -> float:
        """The value the true weights and bias give for `test_input`, without noise."""
        return math.fsum(w * x for w, x in zip(self.true_weights, self.test_input)) + self.true_bias

    def validate(self, *, include_device: bool = True) -> list[Text]:
        """Check every setting; returns the problems found, empty when the config is valid.

        The device check imports torch and may query the accelerator driver, so
        the GUI thread passes `include_device=False` and leaves it to the worker.
        """
        errors: list[Text] = []
        errors += _check_counts(self)
        errors += _check_numbers(self)
        errors += _check_test_input(self)
        errors += _check_choices(self)
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
    errors += _check_true_weight(config)
    if not _is_finite_number(config.true_bias):
        errors.append(Text(CONTEXT, QT_TRANSLATE_NOOP(
            "TrainingConfig", "True bias must be a finite number, got {value!r}."),
            {"value": config.true_bias}))
    if not _is_finite_number(config.noise_std) or config.noise_std < 0:
        errors.append(Text(CONTEXT, QT_TRANSLATE_NOOP(
            "TrainingConfig", "Noise standard deviation must be a finite number of at least 0, got {value!r}."),
            {"value": config.noise_std}))
    return errors


def _check_true_weight(config: TrainingConfig) -> list[Text]:
    value = config.true_weight
    if isinstance(value, (tuple, list)):
        if not value or not all(_is_finite_number(v) for v in value):
            return [Text(CONTEXT, QT_TRANSLATE_NOOP(
                "TrainingConfig", "True weights must be finite numbers, got {value!r}."),
                {"value": value})]
        if _is_int(config.features) and config.features >= 1 and len(value) not in (1, config.features):
            return [Text(CONTEXT, QT_TRANSLATE_NOOP(
                "TrainingConfig",
                "There are {count} true weights but each sample has {features} features. "
                "Enter one weight for all features or {features} weights."),
                {"count": len(value), "features": config.features})]
        return []
    if not _is_finite_number(value):
        return [Text(CONTEXT, QT_TRANSLATE_NOOP(
            "TrainingConfig", "True weight must be a finite number, got {value!r}."),
            {"value": value})]
    return []


def _check_choices(config: TrainingConfig) -> list[Text]:
    errors: list[Text] = []
    if config.optimizer not in OPTIMIZERS:
        errors.append(Text(CONTEXT, QT_TRANSLATE_NOOP(
            "TrainingConfig", "Unknown optimizer {value!r}. Choose one of: {choices}."),
            {"value": config.optimizer, "choices": ", ".join(OPTIMIZERS)}))
    if config.dtype not in DTYPES:
        errors.append(Text(CONTEXT, QT_TRANSLATE_NOOP(
            "TrainingConfig", "Unknown dtype {value!r}. Choose one of: {choices}."),
            {"value": config.dtype, "choices": ", ".join(DTYPES)}))
    if not _is_int(config.batch_size) or config.batch_size < 0:
        errors.append(Text(CONTEXT, QT_TRANSLATE_NOOP(
            "TrainingConfig",
            "Batch size must be a whole number of at least 0 (0 means full batch), got {value!r}."),
            {"value": config.batch_size}))
    elif _is_int(config.samples) and config.samples >= 1 and config.batch_size > config.samples:
        errors.append(Text(CONTEXT, QT_TRANSLATE_NOOP(
            "TrainingConfig",
            "Batch size {value:,} is larger than the {samples:,} samples. "
            "Use at most {samples:,}, or 0 for full batch."),
            {"value": config.batch_size, "samples": config.samples}))
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
    return _parse_numbers(text, (
        QT_TRANSLATE_NOOP(
            "TrainingConfig", "The test input is empty. Enter numbers separated by commas, such as 1, 2, 4."),
        QT_TRANSLATE_NOOP(
            "TrainingConfig",
            "Test input item {position} ({item!r}) is not a number. "
            "Enter numbers separated by commas, such as 1, 2, 4."),
        QT_TRANSLATE_NOOP(
            "TrainingConfig", "Test input item {position} ({item!r}) is not a finite number."),
    ))


def parse_true_weights(text: str) -> float | tuple[float, ...]:
    """Parse one true weight for every feature ("2") or one per feature ("2, -1, 0.5").

    Returns a float for a single number, else a tuple. Raises ConfigError like `parse_test_input`.
    """
    values = _parse_numbers(text, (
        QT_TRANSLATE_NOOP(
            "TrainingConfig", "The true weights are empty. Enter one number, or one per feature such as 2, 2, 2."),
        QT_TRANSLATE_NOOP(
            "TrainingConfig",
            "True weight item {position} ({item!r}) is not a number. "
            "Enter numbers separated by commas, such as 2, 2, 2."),
        QT_TRANSLATE_NOOP(
            "TrainingConfig", "True weight item {position} ({item!r}) is not a finite number."),
    ))
    return values[0] if len(values) == 1 else values


def _parse_numbers(text: str, messages: tuple[str, str, str]) -> tuple[float, ...]:
    empty, not_a_number, not_finite = messages
    # Brackets and separators at the ends are dropped, so "[1, 2, 4]" and "1, 2, 4," parse.
    stripped = text.strip().strip(_BRACKETS).strip(" \t,")
    if not stripped:
        raise ConfigError([Text(CONTEXT, empty)])
    values: list[float] = []
    for position, item in enumerate(_SEPARATOR.split(stripped), start=1):
        try:
            value = float(item)
        except ValueError:
            raise ConfigError([Text(CONTEXT, not_a_number, {"position": position, "item": item})]) from None
        if not math.isfinite(value):
            raise ConfigError([Text(CONTEXT, not_finite, {"position": position, "item": item})])
        values.append(value)
    return tuple(values)
