# `make run` and `make test` do the whole set-up on a fresh machine:
# a virtual environment in .venv, torch, then this package with its test extras.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# The torch build to install when the environment has none. The default asks
# for the release this project is tested with; on a machine with a GPU, install
# your CUDA build into .venv first (or set TORCH_REQUIREMENT) and it is kept.
TORCH_REQUIREMENT ?= torch==2.13.0
STAMP := $(VENV)/.installed

.PHONY: run test translations screenshots clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -c "import torch" 2>/dev/null || $(BIN)/python -m pip install "$(TORCH_REQUIREMENT)"
	$(BIN)/python -m pip install -e ".[test]"
	touch $@

run: $(STAMP)
	$(BIN)/autograd-explorer

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

# Refresh the Korean .ts from the sources, then compile it to the .qm that ships.
translations: $(STAMP)
	$(BIN)/python -m explorer.ui.translations update

clean:
	rm -rf $(VENV) build dist *.egg-info

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python scripts/screenshots.py docs/images
