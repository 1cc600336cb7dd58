# bantin -- `make demo` and `make test` are the two entry points (see README.md).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test install dev bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed-core: $(BIN)/python pyproject.toml
	$(BIN)/pip install -q -e .
	touch $@

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/pip install -q -e '.[dev,bench,ilp]'
	touch $@

install: $(VENV)/.installed-core

dev: $(STAMP)

demo: install
	$(BIN)/bantin summarize examples/flood-hanoi/ --format markdown

test: dev
	$(BIN)/python -m pytest

bench: dev
	$(BIN)/python -m benchmarks.run

clean:
	rm -rf $(VENV) build src/*.egg-info .pytest_cache
