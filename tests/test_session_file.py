"""Session files: round trip, and rejection of broken or hostile files."""

import json

import pytest

from explorer.language.limits import MAX_SOURCE_CHARS as LANGUAGE_MAX_SOURCE_CHARS
from explorer.session import (
    MAX_FILE_BYTES,
    MAX_SOURCE_CHARS,
    SCHEMA_VERSION,
    SessionData,
    SessionError,
    ViewOptions,
    dump_session,
    load_session,
)


def document(**changes) -> bytes:
    base = {"schema_version": SCHEMA_VERSION, "program": "x = 1\n", "device": "cpu",
            "example": None, "view": {"tab": 0, "editor_font_size": 11}}
    base.update(changes)
    return json.dumps(base).encode("utf-8")


def test_round_trip_keeps_fields():
    session = SessionData(program="x = torch.ones(2)\nprint('한국어')\n", device="cuda:0",
                          example="chain_rule", view=ViewOptions(tab=2, editor_font_size=14))
    data = dump_session(session)
    assert json.loads(data)["schema_version"] == SCHEMA_VERSION
    assert load_session(data) == session


def test_round_trip_keeps_training_settings():
    session = SessionData(training={"epochs": "2000", "lr": "0.01", "optimizer": "adam", "test_input": "1, 2, 4"})
    assert load_session(dump_session(session)).training == session.training


def test_unknown_training_setting_skipped():
    session = load_session(document(training={"lr": "0.5", "future_option": "x"}))
    assert session.training == {"lr": "0.5"}


def test_missing_optional_fields_default():
    session = load_session(json.dumps({"schema_version": 1}).encode())
    assert session == SessionData()


def test_source_limit_matches_language():
    assert MAX_SOURCE_CHARS == LANGUAGE_MAX_SOURCE_CHARS


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        (b"", "not valid JSON"),
        (document()[:-7], "not valid JSON"),
        (b"\xff\xfe{\x00}", "not UTF-8"),
        (b"[1, 2]", "JSON object"),
        (json.dumps({"program": "x"}).encode(), "schema_version"),
        (document(schema_version="1"), "schema_version"),
        (document(schema_version=True), "schema_version"),
        (document(schema_version=SCHEMA_VERSION + 1), "update the app"),
        (document(program=["x = 1"]), "'program' must be text"),
        (document(program="x" * (MAX_SOURCE_CHARS + 1)), "'program' is longer"),
        (document(device=7), "'device' must be text"),
        (document(device="c" * 1000), "'device' is longer"),
        (document(example={"key": 1}), "'example' must be text"),
        (document(view=[]), "'view' must be a JSON object"),
        (document(training=["lr"]), "'training' must be a JSON object"),
        (document(training={"lr": 0.5}), "'lr' must be text"),
        (document(training={"epochs": "9" * 1000}), "'epochs' is longer"),
        (document(view={"tab": -1}), "'tab' must be a whole number"),
        (document(view={"editor_font_size": 10**30}), "'editor_font_size' must be a whole number"),
        (document(view={"editor_font_size": 12.5}), "'editor_font_size' must be a whole number"),
        (b"[" * 100_000 + b"]" * 100_000, "nests JSON deeper"),
        (b'{"schema_version": 1, "view": ' + b'{"a": ' * 50 + b"1" + b"}" * 51, "nests JSON deeper"),
        (b" " * (MAX_FILE_BYTES + 1), "larger than"),
    ],
)
def test_bad_file_rejected(data, fragment):
    with pytest.raises(SessionError) as error:
        load_session(data)
    assert fragment in str(error.value)
    assert fragment in error.value.message.localized()


def test_brackets_inside_strings_not_counted():
    program = "x = [[[[[[[[[[[[1]]]]]]]]]]]]\nprint('{{{{{{{{{{\\\"')\n"
    session = load_session(dump_session(SessionData(program=program)))
    assert session.program == program
