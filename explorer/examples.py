"""The example programs shipped with the app, with their titles."""

from __future__ import annotations

from dataclasses import dataclass

from explorer.assets import read_text
from explorer.i18n import QT_TRANSLATE_NOOP, Text

CONTEXT = "Examples"


@dataclass(frozen=True)
class Example:
    """One example program: the files under resources/examples/tutorial it joins, and its title."""

    files: tuple[str, ...]
    title: Text

    def source(self) -> str:
        return "\n".join(read_text("examples", "tutorial", file) for file in self.files)


def _tutorial(files: str | tuple[str, ...], title: str) -> Example:
    return Example(files if isinstance(files, tuple) else (files,), Text(CONTEXT, title))


EXAMPLES = (
    _tutorial("05_autograd_basics.py", QT_TRANSLATE_NOOP("Examples", "Tutorial: z = y**2 + x and backward")),
    _tutorial("06_non_leaf.py", QT_TRANSLATE_NOOP("Examples", "Tutorial: .grad of a non-leaf tensor")),
    _tutorial("07_regression.py", QT_TRANSLATE_NOOP("Examples", "Tutorial: linear regression with SGD")),
    _tutorial(
        ("07_regression.py", "08_test_prediction.py"),
        QT_TRANSLATE_NOOP("Examples", "Tutorial: regression, then a prediction under torch.no_grad()"),
    ),
    _tutorial("04_versions.py", QT_TRANSLATE_NOOP("Examples", "Tutorial: torch, torchvision and torchtext versions")),
    _tutorial("01_colab_drive.py", QT_TRANSLATE_NOOP("Examples", "Tutorial: mount Google Drive (Colab only)")),
    _tutorial("02_nvidia_smi.py", QT_TRANSLATE_NOOP("Examples", "Tutorial: !nvidia-smi (see the Device tab)")),
    _tutorial("03_nvcc.py", QT_TRANSLATE_NOOP("Examples", "Tutorial: !nvcc -V (see the Device tab)")),
)

DEFAULT_EXAMPLE = EXAMPLES[0]
