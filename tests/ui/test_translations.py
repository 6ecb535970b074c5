"""The Korean translation is complete, current and compiled."""

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

import explorer
from explorer.ui.translations import QM_NAME, TS_NAME, load_app_translator

PACKAGE_DIR = Path(explorer.__file__).resolve().parent
TRANSLATIONS_DIR = PACKAGE_DIR / "resources" / "translations"
FIELD = re.compile(r"\{[^{}]*\}")


def tool(name: str) -> str:
    path = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is missing; it ships with PySide6-Essentials")
    return path


def messages(ts_path: Path) -> list[tuple[str, str, ElementTree.Element]]:
    found = []
    for context in ElementTree.parse(ts_path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            found.append((name, message.findtext("source"), message.find("translation")))
    return found


def test_every_entry_translated():
    unfinished = [
        f"{context}: {source}"
        for context, source, translation in messages(TRANSLATIONS_DIR / TS_NAME)
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or not (translation.text or "").strip()
    ]
    assert unfinished == []


def test_translations_keep_format_fields():
    mismatched = [
        f"{context}: {source}"
        for context, source, translation in messages(TRANSLATIONS_DIR / TS_NAME)
        if set(FIELD.findall(source)) != set(FIELD.findall(translation.text or ""))
    ]
    assert mismatched == []


def test_no_source_string_missing(tmp_path):
    copy = tmp_path / TS_NAME
    shutil.copy(TRANSLATIONS_DIR / TS_NAME, copy)
    sources = sorted(str(path) for path in PACKAGE_DIR.rglob("*.py") if "resources" not in path.parts)
    subprocess.run([tool("pyside6-lupdate"), "-locations", "none", *sources, "-ts", str(copy)],
                   check=True, capture_output=True, timeout=120)
    missing = [
        f"{context}: {source}"
        for context, source, translation in messages(copy)
        if translation.get("type") == "unfinished"
    ]
    assert missing == []


def test_shipped_qm_is_current(tmp_path):
    compiled = tmp_path / QM_NAME
    subprocess.run([tool("pyside6-lrelease"), str(TRANSLATIONS_DIR / TS_NAME), "-qm", str(compiled)],
                   check=True, capture_output=True, timeout=120)
    assert compiled.read_bytes() == (TRANSLATIONS_DIR / QM_NAME).read_bytes()


def test_korean_translator_loads():
    translator = load_app_translator("ko")
    assert translator is not None
    assert translator.translate("MainWindow", "Playground") == "플레이그라운드"
    assert load_app_translator("en") is None
