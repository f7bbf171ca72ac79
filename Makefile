# Two commands do all the set-up: `make run` and `make test` (see README).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
export QT_QPA_PLATFORM ?= offscreen
# Only the folders that exist: a fresh clone may not have bench/ or build_spec/ yet (ruff fails on a missing path).
LINT_PATHS := $(wildcard desktop tests bench build_spec scripts)

# Shared libraries Qt needs on a bare Debian 12 (measured, see PLATFORM notes), plus Xvfb and poppler for the checks,
# python3-venv, without which Debian's own python3 cannot make the .venv, and LibreOffice Calc with python3-uno, which
# the exchange tests drive as a clerk uses it (tests/exchange/calc.py).
SYSTEM_PACKAGES := libegl1 libgl1 libglib2.0-0 libfontconfig1 libfreetype6 libx11-6 libxkbcommon0 libdbus-1-3 \
  fonts-dejavu-core libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 \
  libxcb-render0 libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-util1 libxcb-xfixes0 libxcb-xkb1 \
  libxkbcommon-x11-0 xvfb xauth poppler-utils python3-venv \
  libreoffice-calc-nogui libreoffice-writer-nogui python3-uno

.PHONY: run test mutation lint system-deps venv translations bundle bench clean

run: venv
	env -u QT_QPA_PLATFORM $(PY) -m desktop

# The suite runs under coverage.py (branch coverage, [tool.coverage] in pyproject.toml); the figures are printed at the
# end (scripts/coverage_summary.py: lines, branches, the modules under 85%). build/coverage.json keeps the detail.
test: venv
	$(VENV)/bin/ruff check $(LINT_PATHS)
	$(VENV)/bin/mypy
	QT_QPA_PLATFORM=offscreen $(PY) -m coverage run -m pytest -q
	@mkdir -p build
	@$(PY) -m coverage json -q -o build/coverage.json
	@$(PY) scripts/coverage_summary.py build/coverage.json

lint: venv
	$(VENV)/bin/ruff check $(LINT_PATHS)
	$(VENV)/bin/mypy

# The bytecode of desktop/ is written at every set-up (a no-op when it is up to date): a start with Python told not to
# write .pyc files (PYTHONDONTWRITEBYTECODE, as some office PCs and checkers set) would otherwise compile every module
# of the window from source each time, ~65 ms of a 0.4 s start (measured on a fresh clone).
venv: system-deps $(STAMP)
	@$(PY) -m compileall -q desktop

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $(STAMP)

# Installs the missing system libraries when running as root; otherwise prints the exact command and stops.
system-deps:
	@command -v dpkg-query >/dev/null 2>&1 || { echo "Not a Debian system: install Qt's system libraries yourself."; exit 0; }; \
	missing=""; for p in $(SYSTEM_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing system packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	  else \
	    echo "Missing system packages. Run:"; \
	    echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends$$missing"; exit 1; \
	  fi; \
	fi

# Vietnamese translation: extract the UI strings into the .ts (existing translations are kept; translate the new ones
# with Qt Linguist or scripts/fill_ts.py), write Qt's own strings (scripts/make_qtbase_vi.py), compile both .qm files.
translations: venv
	$(VENV)/bin/pyside6-lupdate $$(find desktop -name '*.py') -ts resources/i18n/sxtdbv_vi.ts -no-obsolete
	$(PY) scripts/make_qtbase_vi.py
	$(VENV)/bin/pyside6-lrelease resources/i18n/sxtdbv_vi.ts -qm resources/i18n/sxtdbv_vi.qm
	$(VENV)/bin/pyside6-lrelease resources/i18n/qtbase_vi.ts -qm resources/i18n/qtbase_vi.qm

# One-folder PyInstaller bundle dist/sxtdbv/ (build_spec/sxtdbv.spec); check it with build_spec/check_bundle.py.
# The .qm translations are compiled first when a .ts is newer (lrelease is deterministic: an unchanged .ts gives the
# same .qm). On Windows build it there: see docs/windows-build.md.
QM_FILES := $(patsubst %.ts,%.qm,$(wildcard resources/i18n/*.ts))
BUILD_STAMP := $(VENV)/.build-extra-stamp

bundle: venv $(BUILD_STAMP) $(QM_FILES)
	$(VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller \
	  build_spec/sxtdbv.spec
	@du -sh dist/sxtdbv

$(BUILD_STAMP): pyproject.toml $(STAMP)
	$(PY) -m pip install -q -e '.[build]'
	touch $(BUILD_STAMP)

resources/i18n/%.qm: resources/i18n/%.ts
	$(VENV)/bin/pyside6-lrelease $< -qm $@

bench: venv
	$(PY) bench/run_all.py

# Mutation testing of the rules (scripts/mutation.py, cosmic-ray; [tool.mutation] in pyproject.toml): an hour or more
# for every module, so not part of `make test` or CI. One module: make mutation MODULES=desktop/domain/taxcode.py
MUTATION_STAMP := $(VENV)/.mutation-extra-stamp

mutation: venv $(MUTATION_STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) scripts/mutation.py $(MODULES)

$(MUTATION_STAMP): pyproject.toml $(STAMP)
	$(PY) -m pip install -q -e '.[mutation]'
	touch $(MUTATION_STAMP)

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache
