# The two commands of the README, and what they stand on.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test dev install lock

$(BIN)/python:
	$(PY) -m venv $(VENV)

# Runtime only, from the lock file; strict editable mode so mypy sees the mapped packages.
install: $(BIN)/python
	$(BIN)/pip install -q -r requirements.lock
	$(BIN)/pip install -q --no-deps -e . --config-settings editable_mode=strict

dev: $(BIN)/python
	$(BIN)/pip install -q -r requirements-dev.lock
	$(BIN)/pip install -q --no-deps -e . --config-settings editable_mode=strict

demo: install
	$(BIN)/innochain demo

test: dev
	bash tools/system-deps.sh
	$(BIN)/ruff check .
	$(BIN)/pytest --durations=30

lock: $(BIN)/python
	$(BIN)/pip install -q uv==0.13.8
	$(BIN)/uv pip compile pyproject.toml -o requirements.lock --python-version 3.11 -q
	$(BIN)/uv pip compile pyproject.toml --extra dev -o requirements-dev.lock --python-version 3.11 -q
