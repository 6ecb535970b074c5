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
