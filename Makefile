# Adviesregister. `make site` builds the archive, `make test` runs every test; both set up what they need.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SITE_STAMP := $(VENV)/.site-installed
PORT   ?= 8000
export NO_MKDOCS_2_WARNING := 1

.PHONY: site serve test lint unit check fuzz bench lock docs same-site clean

NODE_STAMP := node_modules/.installed

# What building and importing need (requirements-site.lock, a part of requirements.lock with the same versions).
$(SITE_STAMP): requirements-site.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-site.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(SITE_STAMP)

# Everything, for the tests and the developer tools: the whole requirements.lock on top.
$(STAMP): $(SITE_STAMP) requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	touch $(STAMP)

## Build the site and the export from content/ into site/.
site: $(SITE_STAMP)
	$(BIN)/adviesregister build

## Preview the site on http://127.0.0.1:$(PORT) (another port: make serve PORT=8001), rebuilt when content/ changes; problems show on every page.
serve: $(SITE_STAMP)
	$(BIN)/adviesregister serve --poort $(PORT)

## Check the content only.
check: $(SITE_STAMP)
	$(BIN)/adviesregister check

## Lint, types and all tests.
test: lint unit

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

unit: $(STAMP) $(NODE_STAMP)
	$(BIN)/pytest

# axe-core for the accessibility tests, at the version package-lock.json pins. The browser is Debian's chromium (see .ci/run).
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $(NODE_STAMP)

## Attack the parser, the checks, the renderers and the importer with at least 10,000 generated cases (a few minutes).
fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=fuzz $(BIN)/pytest -q -p no:cacheprovider tests/aanvallen/test_fuzz.py

## Speed and size figures.
bench: $(STAMP) $(NODE_STAMP)
	@for script in benchmarks/*.py; do [ -e "$$script" ] || continue; echo "== $$script"; $(BIN)/python "$$script" || exit 1; done

## Prove a refactoring changed nothing: build REV and the working tree, list the files of site/ that differ.
REV ?= HEAD
same-site: $(STAMP)
	$(BIN)/python tools/same_site.py $(REV)

## Regenerate CONTRIBUTING.md from the publishing guide.
docs: $(STAMP)
	$(BIN)/adviesregister docs

## Refresh requirements.lock and requirements-site.lock after changing pyproject.toml.
lock: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	(echo "# Exact versions of every Python package, for reproducible builds. Update with: make lock"; \
	 $(BIN)/python -m pip freeze --all | grep -v -i -E '^(adviesregister|pip)=' | grep -v '^-e') > requirements.lock
	$(BIN)/python tools/site_lock.py

clean:
	rm -rf build site $(VENV) node_modules
