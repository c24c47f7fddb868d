# Two commands on a fresh machine: `make run` builds the example graph, `make test` runs the tests.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEVSTAMP := $(VENV)/.installed-dev

.PHONY: run test bench lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

$(DEVSTAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[dev]'
	touch $@ $(STAMP)

run: $(STAMP)
	$(BIN)/kgraph build examples --out output

# The suite on every core (pytest-xdist): whole modules per worker, see tests/conftest.py.
# pytest-benchmark, when a system-wide install brings it, refuses xdist: the project does not use it.
test: $(DEVSTAMP)
	$(BIN)/lint-imports
	$(BIN)/python -m pytest -n auto --dist loadgroup -p no:benchmark

bench: $(DEVSTAMP)
	$(BIN)/pip install -q -e '.[bench]'
	$(BIN)/python bench/run.py

lint: $(DEVSTAMP)
	$(BIN)/ruff check src tests
	$(BIN)/mypy src

clean:
	rm -rf output .pytest_cache
