"""The tutorial's linear regression, trained without Qt.

`iter_training` yields batched progress for live views; `train` runs to the end
and returns a `TrainingResult`.
"""

from explorer.training.config import ConfigError, TrainingConfig, parse_test_input
from explorer.training.history import DecimatedSeries
from explorer.training.trainer import TrainingProgress, TrainingResult, iter_training, train

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
