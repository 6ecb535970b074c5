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

import re
import reprlib
import string
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

Translator = Callable[[str, str], str]

# Widths and precisions in message templates stay below this many digits.
_LONG_NUMBER = re.compile(r"\d{4,}")
# Maximum length of a formatted message, nested messages included.
MAX_MESSAGE_CHARS = 100_000
# Lists, tuples, sets and dicts in messages are shown this far, then with "...".
_CONTAINER_REPR = reprlib.Repr()
_CONTAINER_REPR.maxlevel = 4
_CONTAINER_REPR.maxlist = _CONTAINER_REPR.maxtuple = _CONTAINER_REPR.maxdict = 20
_CONTAINER_REPR.maxset = _CONTAINER_REPR.maxfrozenset = 20
_CONTAINER_REPR.maxstring = _CONTAINER_REPR.maxother = 1000
_CONTAINERS = (list, tuple, set, frozenset, dict)


class _MessageFormatter(string.Formatter):
    """`str.format` for message templates: fields are plain names and the output stays small.

    Text values also arrive pickled from the app's child processes. So a
    template must not reach the attributes or items of its arguments, nor pad
    a field to millions of characters, and containers are shown shortened,
    because a list that contains itself many times over would print without
    end. Raises ValueError for a field that is not a plain name, a wide format
    and an output longer than MAX_MESSAGE_CHARS.
    """

    def get_field(self, field_name: str, args, kwargs):
        if not field_name.isidentifier():
            raise ValueError(f"message field {field_name!r} is not a plain name")
        return kwargs[field_name], field_name

    def convert_field(self, value: object, conversion: str | None) -> object:
        if isinstance(value, _CONTAINERS) and conversion in (None, "r", "s", "a"):
            shortened = _CONTAINER_REPR.repr(value)
            if conversion == "a":
                return shortened.encode("ascii", "backslashreplace").decode("ascii")
            return shortened
        return super().convert_field(value, conversion)

    def format_field(self, value: object, format_spec: str) -> str:
        if _LONG_NUMBER.search(format_spec):
            raise ValueError(f"message format {format_spec!r} is too wide")
        return format(value, format_spec)

    def vformat(self, format_string: str, args, kwargs) -> str:
        text = super().vformat(format_string, args, kwargs)
        if len(text) > MAX_MESSAGE_CHARS:
            raise ValueError(f"message longer than {MAX_MESSAGE_CHARS:,} characters")
        return text


_formatter = _MessageFormatter()


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
        return _formatter.format(self.source, **self.args)

    def __reduce__(self):
        # The default arguments are a read-only mapping proxy, which pickle
        # refuses; reports cross to the GUI process pickled.
        return (Text, (self.context, self.source, dict(self.args)))

    def localized(self) -> str:
        template = translate(self.context, self.source)
        try:
            return _formatter.format(template, **self.args)
        except (KeyError, IndexError, ValueError):
            # A translation with broken fields must not hide the message.
            return str(self)
