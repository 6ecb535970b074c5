"""Pick the user's language: English or Korean."""

from __future__ import annotations

import os

SUPPORTED_LANGUAGES = ("en", "ko")


def system_language() -> str:
    """Return "ko" when the POSIX locale variables ask for Korean, else "en"."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(variable, "")
        if value:
            return "ko" if value.lower().startswith("ko") else "en"
    return "en"
