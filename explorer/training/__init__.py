"""The tutorial's linear regression, trained without Qt.

`iter_training` yields batched progress for live views; `train` runs to the end
and returns a `TrainingResult`. The trainer and torch load on first use of its
names, so the GUI can build its training form without waiting for torch.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from explorer.training.config import ConfigError, TrainingConfig, parse_test_input
from explorer.training.history import DecimatedSeries

if TYPE_CHECKING:
    from explorer.training.trainer import TrainingProgress, TrainingResult, iter_training, train

_TRAINER_NAMES = {"TrainingProgress", "TrainingResult", "iter_training", "train"}

__all__ = [
    "ConfigError",
    "DecimatedSeries",
    "TrainingConfig",
    "TrainingProgress",
    "TrainingResult",
    "iter_training",
    "parse_test_input",
    "train",
]


def __getattr__(name: str) -> object:
    if name in _TRAINER_NAMES:
        return getattr(importlib.import_module("explorer.training.trainer"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
