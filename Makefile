# bantin -- `make demo` and `make test` are the two entry points (see README.md).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test install dev bench clean serve

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed-core: $(BIN)/python pyproject.toml
	$(BIN)/pip install -q -e .
	touch $@

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/pip install -q -e '.[dev,bench,ilp,web,spark]'
	touch $@

$(VENV)/.installed-web: $(BIN)/python pyproject.toml
	$(BIN)/pip install -q -e '.[web]'
	touch $@

install: $(VENV)/.installed-core

dev: $(STAMP)

demo: install
	$(BIN)/bantin summarize examples/flood-hanoi/ --format markdown

test: dev
	$(BIN)/python -m pytest

# the bundled sample in a fresh store, served on http://127.0.0.1:8000/
SERVE_DB ?= out/serve.db
serve: $(VENV)/.installed-web
	mkdir -p $(dir $(SERVE_DB)) && rm -f $(SERVE_DB) $(SERVE_DB)-wal $(SERVE_DB)-shm
	$(BIN)/bantin ingest examples/ --db $(SERVE_DB)
	$(BIN)/bantin serve --db $(SERVE_DB)

bench: dev
	$(BIN)/python -m benchmarks.run

clean:
	rm -rf $(VENV) build src/*.egg-info .pytest_cache
