"""Every shipped example runs in the playground and ends as it is meant to."""

import importlib.util

import pytest

from explorer.examples import EXAMPLES, GROUPS, example_by_key
from explorer.runner import ProgramRunner, ProgramSource


def expected_error(example):
    if example.key == "versions":
        # The versions cell imports torchvision and torchtext, which may or may not be installed.
        missing = any(importlib.util.find_spec(name) is None for name in ("torchvision", "torchtext"))
        return "ModuleNotFoundError" if missing else None
    return example.expected_error


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda example: example.key)
def test_example_runs_as_meant(example):
    runner = ProgramRunner("cpu", with_layout=False)
    report = runner.run([ProgramSource(example.source(), f"{example.key}.py")])
    expected_kind = expected_error(example)
    if expected_kind is None:
        assert report.error is None, str(report.error)
        assert report.output
    else:
        assert report.error is not None
        assert report.error.kind == expected_kind


def test_examples_have_unique_keys_and_text():
    keys = [example.key for example in EXAMPLES]
    assert len(keys) == len(set(keys))
    for example in EXAMPLES:
        assert example.group in GROUPS
        assert str(example.title)
        assert len(str(example.explanation)) > 20
        assert example_by_key(example.key) is example


def test_concept_examples_cover_ideas():
    concepts = {example.key for example in EXAMPLES if example.group == "concepts"}
    assert len(concepts) >= 8


def test_accumulate_example_doubles_grad():
    runner = ProgramRunner("cpu", with_layout=False)
    report = runner.run([ProgramSource(example_by_key("accumulate").source(), "accumulate.py")])
    assert "step 1: w.grad = 24.0" in report.output
    assert "one backward again: 12.0" in report.output


def test_higher_order_second_derivative():
    runner = ProgramRunner("cpu", with_layout=False)
    report = runner.run([ProgramSource(example_by_key("higher_order").source(), "higher_order.py")])
    assert "d2y/dx2: tensor(12.)" in report.output


def test_moved_leaf_warns():
    runner = ProgramRunner("cpu", with_layout=False)
    report = runner.run([ProgramSource(example_by_key("moved_leaf").source(), "moved_leaf.py")])
    assert "w.is_leaf: False" in report.output
    assert [warning.line for warning in report.warnings] == [6]
