# The two commands of the README: `make run` and `make test`. Both create .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: run test lint bench translations lock clean

run: $(INSTALLED)
	$(BIN)/python main.py

# Qt draws offscreen, on a 1366×768 screen (tests/offscreen-1366x768.json): the smallest one the
# windows are made for.
test: $(INSTALLED)
	QT_QPA_PLATFORM=offscreen:configfile=$(CURDIR)/tests/offscreen-1366x768.json $(BIN)/python -m pytest $(PYTEST_ARGS)

# The linter, the formatter's check (`ruff format` rewrites) and the type checker, as configured in pyproject.toml.
lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

bench: $(INSTALLED)
	for target in ingest alarms sensors window frame simulator follow mqtt; do $(BIN)/python main.py bench $$target || exit 1; done

# The windows' French (and English plural forms), from every tr() of app/ and widgets/; app/language.py
# loads them. After a change to the windows' text: run `make translations`, translate each entry that
# resources/translations/thermolab_fr.ts now marks type="unfinished" (pyside6-linguist, or by hand:
# fill <translation>, drop type="unfinished"; a %n entry has two forms, for 0 or 1 and for more;
# French puts a no-break space before : ; ? and !),
# give thermolab_en.ts its new plural forms the same way, then run `make translations` again to
# compile the .qm files. tests/test_translations.py fails until both steps are done; it also names
# any sentence of models/ or network/ that a window shows and widgets/core_text.py cannot translate.
TRANSLATED = $(sort $(wildcard app/*.py app/*/*.py widgets/*.py widgets/*/*.py))
TS := resources/translations
translations: $(INSTALLED)
	$(BIN)/pyside6-lupdate -silent -no-obsolete -locations none $(TRANSLATED) -ts $(TS)/thermolab_fr.ts
	$(BIN)/pyside6-lupdate -silent -no-obsolete -locations none -pluralonly $(TRANSLATED) -ts $(TS)/thermolab_en.ts
	for language in fr en; do $(BIN)/pyside6-lrelease -silent $(TS)/thermolab_$$language.ts -qm $(TS)/thermolab_$$language.qm || exit 1; done

$(INSTALLED): pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Thermolab needs Python 3.11 or newer: run make PYTHON=python3.11")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	@touch $@

# Pin what pyproject.toml allows today into constraints.txt, setuptools included (--all): the test extra
# builds the wheel with it.
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet --disable-pip-version-check '.[test]'
	{ echo '# Exact versions `make` installs (pip install -c constraints.txt). Regenerate with `make lock`.'; \
	  .lock-venv/bin/python -m pip freeze --all --exclude thermolab --exclude pip; } > constraints.txt
	rm -rf .lock-venv

clean:
	rm -rf $(VENV) build *.egg-info
