"""Message templates format plain named fields only, also in Text values from other processes."""

import pytest

from explorer import i18n
from explorer.i18n import Text


def test_named_fields_and_number_formats():
    text = Text("Tests", "{name!r} at epoch {epoch:,}: loss {loss:.3e}", {"name": "w1", "epoch": 12345, "loss": 0.5})

    assert str(text) == "'w1' at epoch 12,345: loss 5.000e-01"
    assert text.localized() == str(text)


@pytest.mark.parametrize("template", ["{value.__class__}", "{value[0]}", "{0}", "{}"])
def test_field_must_be_a_plain_name(template):
    text = Text("Tests", template, {"value": [1]})

    with pytest.raises(ValueError, match="not a plain name"):
        str(text)
    with pytest.raises(ValueError, match="not a plain name"):
        text.localized()


@pytest.mark.parametrize("template", ["{value:>2000000000}", "{value:.99999f}", "{value:{width}}"])
def test_huge_widths_rejected(template):
    text = Text("Tests", template, {"value": 1.5, "width": 10**9})

    with pytest.raises(ValueError, match="too wide"):
        str(text)


def test_broken_translation_falls_back_to_english():
    i18n.set_translator(lambda context, source: "{missing} 번역")

    assert Text("Tests", "epoch {epoch}", {"epoch": 3}).localized() == "epoch 3"


def test_nested_messages_cannot_grow_without_end():
    text = Text("Tests", "x", {})
    for _ in range(40):
        text = Text("Tests", "{part}{part}", {"part": text})

    with pytest.raises(ValueError, match="longer than"):
        str(text)


@pytest.mark.parametrize("conversion", ["", "!r", "!s", "!a"])
def test_nested_lists_shown_shortened(conversion):
    value = []
    for _ in range(40):
        value = [value, value]

    message = str(Text("Tests", "{value" + conversion + "}", {"value": value}))

    assert "..." in message
    assert len(message) < 1000


def test_short_lists_shown_whole():
    assert str(Text("Tests", "shape {shape}, {names!r}", {"shape": [500, 3], "names": ("x", "y")})) == (
        "shape [500, 3], ('x', 'y')"
    )
