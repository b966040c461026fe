# Newsdesk developer commands. Every install step lives here and in pyproject.toml, so that a fresh
# clone on a fresh machine needs nothing but Python 3.11+ (and, to show the window, the X11 libraries
# listed in the README).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP_RUN := $(VENV)/.installed-run
STAMP_TEST := $(VENV)/.installed-test
STAMP_BENCH := $(VENV)/.installed-bench
PEERS_VENV := build/bench/peers-venv
STAMP_PEERS := $(PEERS_VENV)/.installed

# Tests and CI run headless; the shipped app never gets these defaults.
TEST_ENV := QT_QPA_PLATFORM=offscreen QTWEBENGINE_DISABLE_SANDBOX=1

.PHONY: run test lint package clean translations stress bench bench-smoke bench-peers bench-hunspell \
	bench-profile bench-chromium screenshots wordpress wordpress-stop test-publish test-formats test-standards \
	test-desktop guide

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP_RUN): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(STAMP_TEST): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(STAMP_RUN)

run: $(STAMP_RUN) translations
	$(BIN)/newsdesk

test: $(STAMP_TEST)
	$(BIN)/ruff check src tests
	$(BIN)/python -m mypy
	$(TEST_ENV) $(BIN)/python -m pytest

lint: $(STAMP_TEST)
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/python -m mypy

# Compiled interface translations (.qm, not in git). Without them the app reads the .ts sources.
translations: $(STAMP_RUN)
	for ts in resources/translations/*.ts; do \
		$(BIN)/pyside6-lrelease -silent "$$ts" -qm "$${ts%.ts}.qm" || exit 1; \
	done

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache

# A folder that runs without Python installed: dist/newsdesk/newsdesk (see packaging/README.md).
# PyInstaller is a build tool only, so it is installed here rather than listed in pyproject.toml.
package: $(STAMP_RUN) translations
	$(BIN)/python -m pip install --quiet 'pyinstaller>=6.10'
	# The Austrian and Swiss German dictionaries come from Debian (no pip package carries them).
	[ -f /usr/share/hunspell/de_AT.dic ] && [ -f /usr/share/hunspell/de_CH.dic ] || { \
		apt-get update -q && apt-get install -y -q --no-install-recommends \
		hunspell-de-at hunspell-de-ch; }
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build \
		packaging/newsdesk.spec
	packaging/smoke_test.sh dist/newsdesk

# The user guide's pictures (docs/screenshots/*.png) of the real window, driven through the daily
# workflow on a private Xvfb screen. Needs the Debian packages xvfb and imagemagick.
screenshots: $(STAMP_RUN)
	$(BIN)/python tools/take_screenshots.py --xvfb

# The long reliability runs (1,000 SIGKILLs, 200 lock races, the hostile-input fuzzers with fresh
# random examples; see docs/RELIABILITY.md). Figures of
# the run are appended to build/reliability-figures.jsonl (NEWSDESK_RELIABILITY_LOG) for the record.
stress: $(STAMP_TEST)
	mkdir -p build
	NEWSDESK_STRESS=1 NEWSDESK_RELIABILITY_LOG=$(CURDIR)/build/reliability-figures.jsonl $(TEST_ENV) \
		$(BIN)/python -m pytest tests/reliability tests/hostile -q --timeout 0

# Newsroom-scale benchmarks side by side with ReText and pandoc: bench/results.json and the table
# in docs/PERFORMANCE.md (see bench/README.md; about ten minutes). Not part of `make test`.
bench: $(STAMP_BENCH) $(STAMP_PEERS) bench-hunspell bench-chromium
	tools/wordpress/start.sh
	status=0; $(TEST_ENV) $(BIN)/python -m bench.run || status=$$?; \
		tools/wordpress/stop.sh; exit $$status

# Hunspell's command line and Debian's German and English dictionaries: the spelling bench runs
# `hunspell -l` beside Newsdesk's checker (and the checker then uses these system dictionaries).
bench-hunspell:
	command -v hunspell >/dev/null && [ -f /usr/share/hunspell/de_DE.dic ] || { \
		apt-get update -q && apt-get install -y -q --no-install-recommends hunspell \
		hunspell-de-de hunspell-de-at hunspell-de-ch hunspell-en-us hunspell-en-gb; }

# Debian's Chromium: the export floor prints the exported page with `chromium --print-to-pdf`
# beside Newsdesk's own PDF (bench/export_floor.py).
bench-chromium:
	command -v chromium >/dev/null || { apt-get update -q && \
		apt-get install -y -q --no-install-recommends chromium; }

# Every benchmark path once on a two-section article, without the peers (seconds).
bench-smoke: $(STAMP_RUN)
	$(TEST_ENV) $(BIN)/python -m bench.run --smoke --no-peers

# Where the time goes: pyinstrument call trees of the benchmark paths, in build/bench/profiles/.
bench-profile: $(STAMP_BENCH)
	$(TEST_ENV) $(BIN)/python -m bench.profile

$(STAMP_BENCH): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	touch $@ $(STAMP_RUN)

# The peers live in a venv of their own (ReText brings PyQt6, which must not meet our PySide6).
bench-peers: $(STAMP_PEERS)

$(STAMP_PEERS):
	$(PYTHON) -m venv $(PEERS_VENV)
	$(PEERS_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(PEERS_VENV)/bin/python -m pip install --quiet 'ReText>=8,<9' 'pypandoc-binary>=1.13'
	touch $@

# A real WordPress on 127.0.0.1:8719 from Debian's packages (wordpress, mariadb-server, php-cli,
# php-mysql; installed when missing, so CI runs these as root): MariaDB on a private socket under
# build/wordpress/, PHP's built-in server, the site installed through WordPress's PHP API.
# Idempotent; the credentials are in build/wordpress/site.json. See tools/wordpress/start.sh.
wordpress:
	tools/wordpress/start.sh

wordpress-stop:
	tools/wordpress/stop.sh

# WordPress's own block parser and validation (npm, under Node from Debian) check the blocks
# Newsdesk sends: @wordpress/blocks with the core blocks of @wordpress/block-library, in a jsdom
# window (tools/wordpress/validate_blocks.js). The versions are pinned, with a lock file, in
# tools/wordpress/blocks/; `npm ci` installs exactly those (about 40 s, 950 MB under build/).
BLOCK_TOOLS := build/wordpress/node
BLOCK_TOOLS_STAMP := $(BLOCK_TOOLS)/.installed
BLOCK_PARSER := $(BLOCK_TOOLS)/node_modules/@wordpress/block-serialization-default-parser
$(BLOCK_TOOLS_STAMP): tools/wordpress/blocks/package.json tools/wordpress/blocks/package-lock.json
	command -v npm >/dev/null || { apt-get update -q && \
		apt-get install -y -q --no-install-recommends nodejs npm; }
	mkdir -p $(BLOCK_TOOLS)
	cp tools/wordpress/blocks/package.json tools/wordpress/blocks/package-lock.json $(BLOCK_TOOLS)/
	cd $(BLOCK_TOOLS) && npm ci --silent --no-audit --no-fund
	touch $@

# Three journeys with real X events: `newsdesk FILE` on Xvfb, typed into and clicked by xdotool
# (Debian's xvfb, xdotool and setxkbmap, installed when missing; CI runs as root). About 40 s.
DESKTOP_TOOLS := xvfb-run:xvfb xdotool:xdotool xauth:xauth setxkbmap:x11-xkb-utils
test-desktop: $(STAMP_TEST)
	missing=""; for pair in $(DESKTOP_TOOLS); do \
		command -v "$${pair%%:*}" >/dev/null || missing="$$missing $${pair#*:}"; done; \
	if [ -n "$$missing" ]; then apt-get update -q && \
		apt-get install -y -q --no-install-recommends $$missing; fi
	timeout 180 xvfb-run -a -s "-screen 0 1366x768x24" $(BIN)/python -m pytest -q -p no:randomly \
		tests/desktop

# The English user guide ships in the package as a copy of docs/USER_GUIDE.md (a test compares).
guide:
	cp docs/USER_GUIDE.md resources/guide/user_guide_en.md

# The exports in the real programs (Debian's packages, installed when missing; CI runs as root):
# LibreOffice converts every Word export to PDF headless, poppler reads the PDF proof, exiftool
# reads the exported photos' credits and finds nothing else. A missing tool fails here.
FORMAT_TOOLS := soffice:libreoffice-writer-nogui pdfinfo:poppler-utils exiftool:libimage-exiftool-perl
test-formats: $(STAMP_TEST)
	missing=""; for pair in $(FORMAT_TOOLS); do \
		command -v "$${pair%%:*}" >/dev/null || missing="$$missing $${pair#*:}"; done; \
	if [ -n "$$missing" ]; then apt-get update -q && \
		apt-get install -y -q --no-install-recommends $$missing; fi
	NEWSDESK_REQUIRE_TOOLS=1 $(TEST_ENV) $(BIN)/python -m pytest -q -p no:randomly \
		tests/formats/test_with_tools.py tests/formats/test_photo_credits.py \
		tests/formats/test_odt_libreoffice.py \
		tests/formats/test_docx_update_libreoffice.py \
		tests/gui/printing/test_pdf_export.py

# Publishing against the real WordPress (tests/publish_integration/): start it, run, stop it.
test-publish: $(STAMP_TEST) $(BLOCK_TOOLS_STAMP)
	tools/wordpress/start.sh
	status=0; NEWSDESK_WORDPRESS_SITE=$(CURDIR)/build/wordpress/site.json \
		NEWSDESK_BLOCK_PARSER=$(CURDIR)/$(BLOCK_PARSER) NEWSDESK_BLOCK_TOOLS=$(CURDIR)/$(BLOCK_TOOLS) \
		$(TEST_ENV) \
		$(BIN)/python -m pytest tests/publish_integration tests/journeys/test_publish_wordpress.py \
		-q -p no:randomly || status=$$?; \
		tools/wordpress/stop.sh; exit $$status

# The exported page in the real checkers (issue 15): the Nu HTML Checker (npm `vnu-jar`, pinned,
# under Debian's Java) finds no error or warning, and axe-core (npm, pinned) in Debian's Chromium,
# driven through Debian's chromedriver, finds no violation at 390 and 1280 px, light and dark.
# Everything is installed here (CI runs as root); nothing is downloaded while the tests run.
VNU_VERSION := 26.9.27
AXE_VERSION := 4.14.1
STANDARDS_TOOLS := build/standards
STANDARDS_DEBIAN := java:default-jre-headless chromium:chromium chromedriver:chromium-driver \
	npm:npm fc-list:fonts-dejavu-core
$(STANDARDS_TOOLS)/.installed-$(VNU_VERSION)-$(AXE_VERSION):
	missing=""; for pair in $(STANDARDS_DEBIAN); do \
		command -v "$${pair%%:*}" >/dev/null || missing="$$missing $${pair#*:}"; done; \
	if [ -n "$$missing" ]; then apt-get update -q && \
		apt-get install -y -q --no-install-recommends $$missing; fi
	mkdir -p $(STANDARDS_TOOLS)
	cd $(STANDARDS_TOOLS) && { [ -f package.json ] || echo '{"private": true}' > package.json; } \
		&& npm install --silent --no-audit --no-fund --ignore-scripts \
		vnu-jar@$(VNU_VERSION) axe-core@$(AXE_VERSION)
	touch $@

test-standards: $(STAMP_TEST) $(STANDARDS_TOOLS)/.installed-$(VNU_VERSION)-$(AXE_VERSION)
	$(BIN)/python -m pip install --quiet -e '.[test,standards]'
	NEWSDESK_STANDARDS_TOOLS=$(CURDIR)/$(STANDARDS_TOOLS) SE_OFFLINE=true $(TEST_ENV) \
		$(BIN)/python -m pytest tests/standards -q -p no:randomly
