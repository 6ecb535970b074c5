"""The headless command line on the tutorial's cells, with plain Python as the oracle."""

import contextlib
import io
import json
import warnings

import pytest
import torch

from explorer.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, main


def run_cli(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def plain_python(source: str) -> tuple[str, dict]:
    """Run trusted tutorial code with real Python and torch: the reference behaviour."""
    namespace = {"torch": torch}
    output = io.StringIO()
    with contextlib.redirect_stdout(output), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        exec(compile(source, "<oracle>", "exec"), namespace)  # noqa: S102 - test oracle on shipped cells
    return output.getvalue(), namespace


def test_run_cell05_json_matches_python(capsys, cells_dir):
    path = cells_dir / "05_autograd_basics.py"
    code, out, _ = run_cli(capsys, "run", str(path), "--json")
    expected_output, namespace = plain_python(path.read_text(encoding="utf-8"))
    result = json.loads(out)

    assert code == EXIT_OK
    assert result["ok"] is True
    assert result["error"] is None
    assert result["output"] == expected_output
    assert result["tensors"]["x"]["grad"] == namespace["x"].grad.item()
    assert result["tensors"]["y"]["grad"] == namespace["y"].grad.item()
    assert result["tensors"]["x"]["grad"] == 1.0
    assert result["tensors"]["y"]["grad"] == 7.0
    assert result["tensors"]["z"]["grad_fn"] == "AddBackward0"
    assert result["tensors"]["z"]["is_leaf"] is False
    assert result["tensors"]["x"]["is_leaf"] is True
    assert result["graph"]["root"] == "z"
    assert result["graph"]["nodes"] > 0
    assert result["graph"]["edges"] > 0


def test_run_cell06_reports_warning_line(capsys, cells_dir):
    path = cells_dir / "06_non_leaf.py"
    code, out, _ = run_cli(capsys, "run", str(path), "--json")
    expected_output, namespace = plain_python(path.read_text(encoding="utf-8"))
    result = json.loads(out)

    assert code == EXIT_OK
    assert result["output"] == expected_output
    assert result["tensors"]["x"]["grad"] == namespace["x"].grad.item() == 24.0
    assert result["tensors"]["y"]["grad"] is None
    assert result["tensors"]["y"]["grad_fn"] == "AddBackward0"
    lines = [warning["line"] for warning in result["warnings"]]
    assert lines == [15]
    assert "not a leaf Tensor" in result["warnings"][0]["message"]
    assert result["warnings"][0]["file"] == "06_non_leaf.py"


def test_run_text_mode_prints_like_python(capsys, cells_dir):
    path = cells_dir / "06_non_leaf.py"
    code, out, err = run_cli(capsys, "run", str(path))
    expected_output, _ = plain_python(path.read_text(encoding="utf-8"))

    assert code == EXIT_OK
    assert out == expected_output
    assert "06_non_leaf.py:15: UserWarning:" in err


def test_run_stdin(capsys, monkeypatch):
    program = b"a = torch.tensor(2.0, requires_grad=True)\nb = a * a\nb.backward()\nprint(a.grad)\n"
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(program), encoding="utf-8"))
    code, out, _ = run_cli(capsys, "run", "-")
    assert code == EXIT_OK
    assert out == "tensor(4.)\n"


@pytest.mark.parametrize(
    ("source", "kind", "line", "column"),
    [
        ("x = torch.tensor(1.0)\ny = (x +\n", "SyntaxError", 2, None),
        ("x = torch.tensor(1.0)\nprint(undefined_name)\n", "NameError", 2, 7),
        ("x = torch.tensor(1.0)\ny = x * 2\ny.backward()\n", "RuntimeError", 3, 1),
    ],
)
def test_run_errors_have_position(capsys, tmp_path, source, kind, line, column):
    path = tmp_path / "bad.py"
    path.write_text(source, encoding="utf-8")
    code, out, _ = run_cli(capsys, "run", str(path), "--json")
    result = json.loads(out)

    assert code == EXIT_FAILED
    assert result["ok"] is False
    assert result["error"]["kind"] == kind
    assert result["error"]["line"] == line
    if column is not None:
        assert result["error"]["column"] == column
    assert result["error"]["message"]


def test_backward_without_grad_has_hint(capsys, tmp_path):
    path = tmp_path / "no_grad.py"
    path.write_text("x = torch.tensor(1.0)\ny = x * 2\ny.backward()\n", encoding="utf-8")
    code, _, err = run_cli(capsys, "run", str(path))

    assert code == EXIT_FAILED
    assert 'File "no_grad.py", line 3' in err
    assert "RuntimeError:" in err
    assert "requires_grad" in err


def test_run_missing_file_is_usage_error(capsys, tmp_path):
    code, _, err = run_cli(capsys, "run", str(tmp_path / "missing.py"))
    assert code == EXIT_USAGE
    assert "missing.py" in err


def test_run_unknown_device_is_usage_error(capsys, cells_dir):
    code, _, err = run_cli(capsys, "run", str(cells_dir / "05_autograd_basics.py"), "--device", "cuda:99")
    assert code == EXIT_USAGE
    assert "cuda:99" in err


def test_unknown_option_is_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["run", "--no-such-option", "file.py"])
    assert exit_info.value.code == EXIT_USAGE


def test_train_json_defaults_converge(capsys):
    code, out, _ = run_cli(capsys, "train", "--json")
    result = json.loads(out)

    assert code == EXIT_OK
    assert result["epochs"] == 10000
    assert result["final_loss"] < 1e-6
    assert result["weights"] == pytest.approx([2.0, 2.0, 2.0], abs=1e-3)
    assert result["bias"] == pytest.approx(1.0, abs=1e-3)
    assert result["prediction"] == pytest.approx(15.0, abs=1e-2)
    assert result["device"] == "cpu"
    assert result["epochs_per_second"] > 0


def test_train_rejects_bad_test_input(capsys):
    code, _, err = run_cli(capsys, "train", "--test", "1,2", "--epochs", "10")
    assert code == EXIT_USAGE
    assert err


def test_devices_json(capsys):
    code, out, _ = run_cli(capsys, "devices", "--json")
    report = json.loads(out)
    assert code == EXIT_OK
    assert report["torch_version"] == torch.__version__
    assert report["devices"][0] == "cpu"


def test_render_writes_svg_with_names(capsys, tmp_path, cells_dir):
    output = tmp_path / "graph.svg"
    code, _, err = run_cli(capsys, "render", str(cells_dir / "05_autograd_basics.py"), "-o", str(output))
    assert code == EXIT_OK, err
    svg = output.read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<?xml") or "<svg" in svg[:500]
    assert "AddBackward0" in svg
    assert "PowBackward0" in svg


def test_korean_messages(capsys, tmp_path):
    code, _, err = run_cli(capsys, "--lang", "ko", "run", str(tmp_path / "missing.py"))
    assert code == EXIT_USAGE
    assert "읽을 수 없습니다" in err


def test_english_after_korean(capsys, tmp_path):
    run_cli(capsys, "--lang", "ko", "run", str(tmp_path / "missing.py"))
    code, _, err = run_cli(capsys, "--lang", "en", "run", str(tmp_path / "missing.py"))
    assert code == EXIT_USAGE
    assert "cannot read" in err


def test_run_reads_bom_and_coding_declaration(capsys, tmp_path):
    with_bom = tmp_path / "bom.py"
    with_bom.write_bytes("\ufeffprint('가', 1)\n".encode("utf-8"))
    latin = tmp_path / "latin.py"
    latin.write_bytes("# -*- coding: latin-1 -*-\nprint('caf\u00e9')\n".encode("latin-1"))

    code, out, err = run_cli(capsys, "run", str(with_bom), str(latin))

    assert code == EXIT_OK, err
    assert out == "가 1\ncafé\n"


def test_run_json_is_strict_with_nan(capsys, tmp_path):
    path = tmp_path / "nan.py"
    path.write_text("a = torch.tensor([float('nan'), float('inf'), -float('inf'), 1.0])\n", encoding="utf-8")
    code, out, _ = run_cli(capsys, "run", str(path), "--json")

    result = json.loads(out, parse_constant=lambda name: pytest.fail(f"non-standard JSON constant {name}"))
    assert code == EXIT_OK
    assert result["tensors"]["a"]["value"] == ["NaN", "Infinity", "-Infinity", 1.0]


def test_run_cells_07_08_graph_root_is_cost(capsys, cells_dir):
    code, out, _ = run_cli(
        capsys, "run", str(cells_dir / "07_regression.py"), str(cells_dir / "08_test_prediction.py"), "--json"
    )
    result = json.loads(out)

    assert code == EXIT_OK
    assert result["graph"]["root"] == "cost"
    assert result["graph"]["nodes"] > 0
    assert [warning["line"] for warning in result["warnings"]] == [5]
    assert [row[0] for row in result["tensors"]["w1"]["value"]] == pytest.approx([2.0, 2.0, 2.0], abs=1e-3)
    assert "예상 정답: [15.0]" in result["output"]


def test_lang_after_command(capsys, tmp_path):
    code, _, err = run_cli(capsys, "run", str(tmp_path / "missing.py"), "--lang", "ko")
    assert code == EXIT_USAGE
    assert "읽을 수 없습니다" in err
