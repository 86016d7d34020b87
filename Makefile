# The two commands: `make serve` and `make test`. Both create .venv from the exact pins first.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1:8000
# Material announces its end of life on every run; we know (see README).
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test build lint clean validate schema check publish publish-offline publish-scorm rollback handouts export-moodle bench

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -r requirements-dev.txt
	$(BIN)/python -m pip check
	# Make scripts/etika importable (MkDocs hooks, the quiz Markdown extension, tests) without
	# packaging it: a .pth file is what an editable install would write.
	$(BIN)/python -c 'import pathlib, sysconfig; pathlib.Path(sysconfig.get_paths()["purelib"], "etika-scripts.pth").write_text(str(pathlib.Path("scripts").resolve()) + "\n")'
	touch $(STAMP)

serve: $(STAMP)
	$(BIN)/mkdocs serve --strict --dev-addr $(HOST)

build: $(STAMP)
	$(BIN)/mkdocs build --strict --clean --site-dir site

test: $(STAMP)
	$(BIN)/python scripts/build.py validate
	$(BIN)/mkdocs build --strict --clean --site-dir site
	$(BIN)/ruff check scripts tests
	$(BIN)/ruff format --check scripts tests
	$(BIN)/python -m pytest

validate: $(STAMP)
	$(BIN)/python scripts/build.py validate

schema: $(STAMP)
	$(BIN)/python scripts/build.py schema

lint: $(STAMP)
	$(BIN)/ruff check scripts tests
	$(BIN)/ruff format --check scripts tests

# Validate, build into a temp dir, check links and anchors, add the CSP, publish (README).
check: $(STAMP)
	$(BIN)/python scripts/build.py check

publish: $(STAMP)
	$(BIN)/python scripts/build.py publish

publish-offline: $(STAMP)
	$(BIN)/python scripts/build.py publish --target offline

# A SCORM 1.2 zip for an LMS such as Moodle (README "SCORM package").
publish-scorm: $(STAMP)
	$(BIN)/python scripts/build.py publish --target scorm

rollback: $(STAMP)
	$(BIN)/python scripts/build.py rollback

# PDF handouts (principles, reasons; LV and EN) printed by Debian's chromium into dist/handouts/.
handouts: $(STAMP)
	$(BIN)/python scripts/build.py handouts

# The scenario questions as a Moodle question bank (Moodle XML) in dist/ (README "Moodle question bank").
export-moodle: $(STAMP)
	$(BIN)/python scripts/build.py export --format moodle-xml

# Speed and size against bench/budgets.json: prints a table, writes bench/results.json, exits 1
# on a missed budget. Not part of `make test`. Lighthouse comes from npm, pinned in bench/.
bench: $(STAMP)
	cd bench && npm ci --no-audit --no-fund --silent
	$(BIN)/python scripts/bench.py

clean:
	rm -rf site dist $(VENV) bench/node_modules tests/scorm/node_modules
