"""Session files: a program with its device, training settings and view options, as JSON with a schema_version.

A session file may come from anyone, so `load_session` trusts nothing in it:
the size, the encoding, the nesting, every field's type and every string's
length are checked, and any problem raises `SessionError` with a translatable
message. Loading never runs the program; it only returns its text.

File layout (schema_version 1):

    {
      "schema_version": 1,
      "program": "x = torch.tensor(1.0, requires_grad=True)\\n...",
      "device": "cpu",
      "example": "chain_rule",              # key of the example it started from, or null
      "view": {"tab": 0, "editor_font_size": 11}
    }

Unknown keys are ignored, so a newer minor addition does not break older
readers; a higher schema_version is rejected.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from explorer.i18n import QT_TRANSLATE_NOOP, Text

SCHEMA_VERSION = 1
FILE_SUFFIX = ".agx.json"

# The playground's own source limit (explorer.language.limits.MAX_SOURCE_CHARS,
# copied because importing explorer.language loads torch). A test keeps them equal.
MAX_SOURCE_CHARS = 200_000
# A program is at most MAX_SOURCE_CHARS characters, up to 4 bytes each in UTF-8,
# plus JSON escapes; anything much larger is not a session file.
MAX_FILE_BYTES = 4 * MAX_SOURCE_CHARS + 64 * 1024
MAX_NAME_CHARS = 64
# Depth of nested JSON arrays and objects. A valid session needs 2.
MAX_JSON_DEPTH = 8
MIN_FONT_SIZE = 6
MAX_FONT_SIZE = 48
MAX_TAB_INDEX = 16

CONTEXT = "Session"


class SessionError(Exception):
    """A session file that cannot be read, with a message for the user."""

    def __init__(self, message: Text) -> None:
        super().__init__(str(message))
        self.message = message


@dataclass(frozen=True)
class ViewOptions:
    """View options of a session: the current tab and the editor's font size."""

    tab: int = 0
    editor_font_size: int = 11


# The Training tab's settings as the user typed them, one text per field.
# They are checked by the tab when a run starts, like typed input.
TRAINING_FIELDS = (
    "samples", "features", "true_weights", "true_bias", "noise", "epochs",
    "lr", "optimizer", "batch_size", "seed", "dtype", "test_input",
)


@dataclass(frozen=True)
class SessionData:
    """The contents of one session file."""

    program: str = ""
    device: str = "cpu"
    example: str | None = None
    view: ViewOptions = field(default_factory=ViewOptions)
    training: dict[str, str] = field(default_factory=dict)


def _error(source: str, **args: object) -> SessionError:
    return SessionError(Text(CONTEXT, source, args))


def dump_session(session: SessionData) -> bytes:
    """Serialize `session` as UTF-8 JSON bytes."""
    document = {
        "schema_version": SCHEMA_VERSION,
        "program": session.program,
        "device": session.device,
        "example": session.example,
        "view": {"tab": session.view.tab, "editor_font_size": session.view.editor_font_size},
        "training": {key: session.training[key] for key in TRAINING_FIELDS if key in session.training},
    }
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _json_depth_exceeds(text: str, limit: int) -> bool:
    """Return True when brackets outside strings nest deeper than `limit`.

    Checked before json.loads, whose recursion a hostile file could exhaust.
    """
    depth = 0
    in_string = False
    escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > limit:
                return True
        elif char in "]}":
            depth -= 1
    return False


def _string(document: dict, key: str, max_chars: int, default: str | None) -> str | None:
    value = document.get(key, default)
    if value is None and default is None:
        return None
    if not isinstance(value, str):
        raise _error(QT_TRANSLATE_NOOP("Session", "the field {field!r} must be text"), field=key)
    if len(value) > max_chars:
        raise _error(
            QT_TRANSLATE_NOOP("Session", "the field {field!r} is longer than {limit} characters"),
            field=key, limit=max_chars,
        )
    return value


def _integer(document: dict, key: str, low: int, high: int, default: int) -> int:
    value = document.get(key, default)
    # bool is a subclass of int, but true/false is not a valid size or index.
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise _error(
            QT_TRANSLATE_NOOP("Session", "the field {field!r} must be a whole number from {low} to {high}"),
            field=key, low=low, high=high,
        )
    return value


def load_session(data: bytes) -> SessionData:
    """Parse session file bytes, or raise SessionError saying what is wrong with them."""
    if len(data) > MAX_FILE_BYTES:
        raise _error(
            QT_TRANSLATE_NOOP("Session", "the file is larger than {limit} bytes, so it is not a session file"),
            limit=MAX_FILE_BYTES,
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise _error(QT_TRANSLATE_NOOP("Session", "the file is not UTF-8 text")) from None
    if _json_depth_exceeds(text, MAX_JSON_DEPTH):
        raise _error(QT_TRANSLATE_NOOP("Session", "the file nests JSON deeper than {limit} levels"), limit=MAX_JSON_DEPTH)
    try:
        document = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as error:
        raise _error(
            QT_TRANSLATE_NOOP("Session", "the file is not valid JSON (line {line}, column {column})"),
            line=getattr(error, "lineno", 0), column=getattr(error, "colno", 0),
        ) from None
    if not isinstance(document, dict):
        raise _error(QT_TRANSLATE_NOOP("Session", "the file does not contain a JSON object"))

    version = document.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _error(QT_TRANSLATE_NOOP("Session", "the file has no valid schema_version, so it is not a session file"))
    if version > SCHEMA_VERSION:
        raise _error(
            QT_TRANSLATE_NOOP(
                "Session",
                "the file uses schema_version {version}, but this version of the app reads up to {supported}; "
                "update the app to open it",
            ),
            version=version, supported=SCHEMA_VERSION,
        )

    program = _string(document, "program", MAX_SOURCE_CHARS, "")
    device = _string(document, "device", MAX_NAME_CHARS, "cpu")
    example = _string(document, "example", MAX_NAME_CHARS, None)
    view = document.get("view", {})
    if not isinstance(view, dict):
        raise _error(QT_TRANSLATE_NOOP("Session", "the field {field!r} must be a JSON object"), field="view")
    options = ViewOptions(
        tab=_integer(view, "tab", 0, MAX_TAB_INDEX, ViewOptions.tab),
        editor_font_size=_integer(view, "editor_font_size", MIN_FONT_SIZE, MAX_FONT_SIZE, ViewOptions.editor_font_size),
    )
    training = _training_settings(document)
    return SessionData(program=program, device=device, example=example, view=options, training=training)


def _training_settings(document: dict) -> dict[str, str]:
    settings = document.get("training", {})
    if not isinstance(settings, dict):
        raise _error(QT_TRANSLATE_NOOP("Session", "the field {field!r} must be a JSON object"), field="training")
    # Keys this version does not know are skipped, so a newer file's extra
    # settings do not stop the rest from loading.
    return {key: _string(settings, key, MAX_NAME_CHARS, None) for key in TRAINING_FIELDS if key in settings}
