"""The tutorial's linear regression, trained without Qt.

`iter_training` yields batched progress for live views; `train` runs to the end
and returns a `TrainingResult`. The trainer and torch load on first use of its
names, so the GUI can build its training form without waiting for torch.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from explorer.training.config import (
    DTYPES,
    OPTIMIZERS,
    ConfigError,
    TrainingConfig,
    parse_test_input,
    parse_true_weights,
)
from explorer.training.divergence import Divergence
from explorer.training.export import export_script, loss_csv
from explorer.training.history import DecimatedSeries

if TYPE_CHECKING:
    from explorer.training.trainer import (
        RegressionTrainer,
        TrainingProgress,
        TrainingResult,
        iter_training,
        train,
    )

_TRAINER_NAMES = {"RegressionTrainer", "TrainingProgress", "TrainingResult", "iter_training", "train"}

__all__ = [
    "DTYPES",
    "OPTIMIZERS",
    "ConfigError",
    "DecimatedSeries",
    "Divergence",
    "RegressionTrainer",
    "TrainingConfig",
    "TrainingProgress",
    "TrainingResult",
    "export_script",
    "iter_training",
    "loss_csv",
    "parse_test_input",
    "parse_true_weights",
    "train",
]


def __getattr__(name: str) -> object:
    if name in _TRAINER_NAMES:
        return getattr(importlib.import_module("explorer.training.trainer"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
