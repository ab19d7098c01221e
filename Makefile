# radasite: `make run` to browse the site, `make test` to prove it.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PG_URL ?= postgres://postgres@127.0.0.1:5432/radasite
ADMIN_USER ?= admin
ADMIN_PASSWORD ?= admin-radasite

.PHONY: install run demo test test-sqlite test-postgres lint messages clean chromium

$(VENV)/.installed: setup.cfg pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test,dev]"
	touch $@

install: $(VENV)/.installed

demo: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py set_site_url http://127.0.0.1:8000
	$(PY) manage.py load_demo --admin-user "$(ADMIN_USER)" --admin-password "$(ADMIN_PASSWORD)"

run: demo
	@echo ""
	@echo "  Сайт:        http://127.0.0.1:8000/"
	@echo "  Адмінка:     http://127.0.0.1:8000/admin/"
	@echo "  Логін:       $(ADMIN_USER)"
	@echo "  Пароль:      $(ADMIN_PASSWORD)"
	@echo ""
	$(PY) manage.py runserver 127.0.0.1:8000

# CI calls `make test`: the linter and the formatter's check run first, so CI runs them. The two database
# passes then run side by side (their output printed per pass as each ends): the suite waits on
# subprocesses (LibreOffice, Chromium, the extraction child) often enough that two passes share the cores well.
test: install lint
	$(MAKE) --no-print-directory --output-sync=target -j2 test-sqlite test-postgres

# axe-core for the browser suite (tests/browser), pinned in package-lock.json, from the npm registry.
node_modules/axe-core/axe.min.js: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# Debian's chromium for the browser suite (never a downloaded browser): installed when missing and apt can.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
				chromium fonts-dejavu-core >/dev/null; \
		else \
			echo "*** Debian's chromium is not installed (apt-get install chromium): the browser suite is skipped ***"; \
		fi; }

# The whole suite on SQLite, the browser suite (Debian's chromium, skipped with a notice when absent) included.
# Each pass ends with its 25 slowest tests (CI's log keeps the suite's time in view).
test-sqlite: install chromium node_modules/axe-core/axe.min.js
	$(PY) -m pytest --durations=25

# The browser suite runs once, in test-sqlite; here the rest of the suite on PostgreSQL.
# PostgreSQL is required in CI; on a developer machine without it the run is skipped with a notice.
test-postgres: install
	@if $(PY) -c "import psycopg,sys; psycopg.connect('$(PG_URL)'.rsplit('/',1)[0] + '/postgres', connect_timeout=3).close()" 2>/dev/null; then \
		DATABASE_URL=$(PG_URL) $(PY) -m pytest -m "not browser" --durations=25; \
	elif [ -n "$$CI" ]; then \
		echo "PostgreSQL is not reachable at $(PG_URL)" >&2; exit 1; \
	else \
		echo "*** PostgreSQL not reachable at $(PG_URL): skipping the PostgreSQL run (set PG_URL) ***"; \
	fi

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

messages: install
	cd cms && ../$(PY) ../manage.py makemessages -l uk --no-obsolete --no-location && ../$(PY) ../manage.py compilemessages -l uk
	for app in pages registry search reports council discussion roles monitoring; do (cd $$app && $(CURDIR)/$(PY) $(CURDIR)/manage.py makemessages -l uk --no-obsolete --no-location && $(CURDIR)/$(PY) $(CURDIR)/manage.py compilemessages -l uk); done
	# locale/: the project's translations of Wagtail and other packages, kept by hand (see locale/README.md).
	cd locale && $(CURDIR)/$(PY) $(CURDIR)/manage.py compilemessages -l uk

clean:
	rm -rf $(VENV) var .pytest_cache node_modules test-output
