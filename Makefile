# Two commands: `make site` builds the site into site/, `make test` runs every
# test. Both create .venv from the pinned dependencies first.

PYTHON ?= python3
# Quiet the theme's end-of-life banner in every build log.
export NO_MKDOCS_2_WARNING := 1
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: site serve test check lint format lock clean benchmark

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

site: $(STAMP)
	$(BIN)/mkdocs build --strict --site-dir site

serve: $(STAMP)
	$(BIN)/mkdocs serve

# Validate sources/ and annotations/ and print the alignment report.
check: $(STAMP)
	$(BIN)/python -m annotated_reader check

lint: $(STAMP)
	$(BIN)/ruff check scripts tests
	$(BIN)/ruff format --check scripts tests

test: $(STAMP)
	$(BIN)/ruff check scripts tests
	$(BIN)/ruff format --check scripts tests
	$(BIN)/python -m annotated_reader check --quiet
	$(BIN)/pytest

# Build our site and a plain mkdocs-material site from synthetic corpora of 5, 50
# and 500 documents and print the figures; options go in BENCHMARK_ARGS, e.g.
# make benchmark BENCHMARK_ARGS="--sizes 5,50 --no-lighthouse". See README.md.
benchmark: $(STAMP)
	PYTHONPATH=$(CURDIR)/scripts $(BIN)/python -m benchmark.run $(BENCHMARK_ARGS)

format: $(STAMP)
	$(BIN)/ruff format scripts tests
	$(BIN)/ruff check --fix scripts tests

# Re-pin the whole dependency tree after changing pyproject.toml.
lock:
	rm -rf .venv-lock
	$(PYTHON) -m venv .venv-lock
	.venv-lock/bin/pip install --quiet --disable-pip-version-check -e '.[test]'
	.venv-lock/bin/pip freeze --all --exclude-editable --disable-pip-version-check | grep -v -e '^annotated-reader' -e '^pip==' > requirements.lock
	rm -rf .venv-lock

clean:
	rm -rf $(VENV) site
