"""Find the files shipped inside the installed package.

Every asset (translations, examples, icons) is looked up here through
`importlib.resources`, never through the working directory, so an installed
wheel and a source checkout behave the same.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable


def resource(*parts: str) -> Traversable:
    """Return the packaged resource at `resources/<parts...>`."""
    node = resources.files("explorer").joinpath("resources")
    for part in parts:
        node = node.joinpath(part)
    return node


def read_bytes(*parts: str) -> bytes:
    return resource(*parts).read_bytes()


def read_text(*parts: str) -> str:
    return resource(*parts).read_text(encoding="utf-8")
