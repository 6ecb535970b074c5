"""Translatable text for the Qt-free layers.

The language, autograd, layout and training packages never import Qt, yet the
errors, hints and messages they produce must reach the user in English or
Korean. They build `Text` values: a translation context, an English source
template and its arguments. `str(text)` gives English; `text.localized()` goes
through the translator that the GUI or the command line installed with
`set_translator` (Qt's `QCoreApplication.translate` in practice).

`pyside6-lupdate` finds the templates because they are written as
`QT_TRANSLATE_NOOP("Context", "source")` or `translate("Context", "source")`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

Translator = Callable[[str, str], str]


def _identity(context: str, source: str) -> str:
    return source


_translator: Translator = _identity


def set_translator(translator: Translator | None) -> None:
    """Install the function that maps (context, English source) to the user's language."""
    global _translator
    _translator = translator or _identity


def translate(context: str, source: str) -> str:
    """Return `source` in the user's language, or unchanged if no translation exists."""
    return _translator(context, source)


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # noqa: N802 - name lupdate looks for
    """Mark `source` for extraction into the .ts file; returns it unchanged."""
    return source


@dataclass(frozen=True)
class Text:
    """A user-facing message: an English template in a context, with its arguments.

    Templates use `str.format` fields by name, for example
    ``Text("Errors", "name {name!r} is not defined", {"name": "foo"})``.
    """

    context: str
    source: str
    args: Mapping[str, object] = field(default_factory=lambda: MappingProxyType({}))

    def __str__(self) -> str:
        return self.source.format(**self.args)

    def __reduce__(self):
        # The default arguments are a read-only mapping proxy, which pickle
        # refuses; reports cross to the GUI process pickled.
        return (Text, (self.context, self.source, dict(self.args)))

    def localized(self) -> str:
        template = translate(self.context, self.source)
        try:
            return template.format(**self.args)
        except (KeyError, IndexError, ValueError):
            # A translation with broken fields must not hide the message.
            return str(self)
