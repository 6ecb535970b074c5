"""Helpers for the read-only QFormLayout pages (Device tab, About box)."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout


def form_value(form: QFormLayout, label: str) -> str | None:
    """Return the text shown beside `label` in `form`, for tests and screen readers."""
    for row in range(form.rowCount()):
        label_item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        field_item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
        if label_item and field_item and label_item.widget().text() == label:
            return field_item.widget().text()
    return None
