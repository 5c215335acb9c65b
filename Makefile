# The two commands of the README, and what they are made of.
#   make run    set up .venv, load the seed content, print the admin login, serve on 127.0.0.1:$(PORT)
#   make test   set up .venv with the test tools and run the whole test suite
#   make serve  production settings under gunicorn on 127.0.0.1:$(PORT), for measurements

PYTHON ?= python3
PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py

.PHONY: run test lint wheel plugin-check plugin-test serve quality install install-dev catalogs browser clean backup restore loadtest loadtest-tools bench guide-screenshots

# The plugin (pyproject.toml: scenarios/ alone) is installed editable; the site runs from the checkout:
# a .pth file puts the checkout on the path (home/) and a link gives site/ its import name "itrisk"
# ("site" is a standard-library module that Python imports at start-up).
$(VENV)/.runtime: requirements.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	mkdir -p $(VENV)/site-import && ln -sfn "$(CURDIR)/site" $(VENV)/site-import/itrisk
	printf '%s\n' "$(CURDIR)" "$(CURDIR)/$(VENV)/site-import" \
		> "$$($(PY) -c 'import sysconfig; print(sysconfig.get_path("purelib"))')/itrisk-site.pth"
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

install: $(VENV)/.runtime
install-dev: $(VENV)/.dev

catalogs: install
	$(MANAGE) compile_catalogs

# Runs the server command $(1) with the scheduler (manage.py run_scheduler: scheduled publishing and
# expiry, the recycle bin's purge) beside it: they start together, and Ctrl-C or a TERM stops both.
with_scheduler = $(MANAGE) run_scheduler & scheduler=$$!; $(1) & server=$$!; \
	trap 'kill $$server $$scheduler 2>/dev/null' INT TERM; wait $$server; status=$$?; \
	kill $$scheduler 2>/dev/null; wait $$scheduler; exit $$status

run: export PUBLIC_BASE_URL ?= http://127.0.0.1:$(PORT)
run: catalogs
	$(MANAGE) migrate --no-input
	$(MANAGE) load_seed_content
	$(MANAGE) update_index --verbosity 0
	$(MANAGE) analyze_database
	$(MANAGE) sync_site_url
	$(MANAGE) ensure_admin --url http://127.0.0.1:$(PORT)
	$(call with_scheduler,$(MANAGE) runserver 127.0.0.1:$(PORT))

# Debian's chromium for the browser tests (Playwright cannot download its own browsers here), and
# Japanese fonts so that its screenshots show Japanese text rather than empty boxes.
browser:
	@{ command -v chromium >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi "noto sans cjk"; } \
		|| { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && apt-get update -qq \
		     && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; } \
		|| echo "chromium is not installed: the browser tests will skip (they never skip on CI)"
	@command -v npm >/dev/null 2>&1 && npm ci --prefix tests/browser/axe --no-audit --no-fund --silent \
		|| echo "npm is not installed: the accessibility tests will skip (they never skip on CI)"

# Style, import order, the boundaries (scenarios/ never imports the site or home, home never the
# site: pyproject.toml, home/ruff.toml), and no private name of Wagtail, Django or any other library.
lint: install-dev
	$(VENV)/bin/ruff check .
	$(PY) tools/check_private_names.py

# The plugin's own suite in its minimal project (no site/, no home/), with its line coverage.
plugin-test: install-dev catalogs
	$(PY) -m pytest scenarios/tests --ds=scenarios.tests.settings -p no:cacheprovider -q \
		--cov=scenarios --cov-report=term-missing:skip-covered

# The plugin's distribution: scenarios/ alone, with its committed compiled catalogs. setuptools'
# build/ is removed before and after, so a file deleted from scenarios/ can never ship again.
wheel: catalogs
	rm -rf dist build && $(PY) -m pip wheel --quiet --disable-pip-version-check --no-deps --wheel-dir dist . \
		&& rm -rf build

# The wheel in a brand-new `wagtail start` project, at the lower end of its version ranges and at the
# newest versions they allow, side by side: check, migrate, a scenario page rendered, the plugin's
# suite (tools/plugin_host_check.py).
plugin-check: wheel
	$(PY) tools/plugin_host_check.py dist/wagtail_incident_scenarios-*.whl --versions lowest newest

test: install-dev catalogs browser lint
	bash tests/run.sh

# `make serve` keeps its own state in .serve/ (never make run's db.sqlite3 and its demo accounts): a
# random secret key made once, the SQLite database unless DATABASE_URL is set, and uploaded media.
SERVE_DIR := .serve
$(SERVE_DIR)/secret_key:
	mkdir -p $(SERVE_DIR)
	umask 077 && $(PYTHON) -c "import secrets; print(secrets.token_urlsafe(50))" > $@

SERVE_ENV = DJANGO_SETTINGS_MODULE=itrisk.settings.production \
	SECRET_KEY=$${SECRET_KEY:-$$(cat $(SERVE_DIR)/secret_key)} \
	DATABASE_URL=$${DATABASE_URL:-sqlite:///$(CURDIR)/$(SERVE_DIR)/db.sqlite3} \
	MEDIA_ROOT=$${MEDIA_ROOT:-$(CURDIR)/$(SERVE_DIR)/media} CACHE_DIR=$${CACHE_DIR:-$(CURDIR)/$(SERVE_DIR)/cache} \
	ALLOWED_HOSTS=$${ALLOWED_HOSTS:-127.0.0.1,localhost} \
	PUBLIC_BASE_URL=$${PUBLIC_BASE_URL:-http://127.0.0.1:$(PORT)} \
	SECURE_SSL_REDIRECT=$${SECURE_SSL_REDIRECT:-false} SECURE_COOKIES=$${SECURE_COOKIES:-false}

serve: catalogs $(SERVE_DIR)/secret_key
	set -e; export $(SERVE_ENV); \
	$(MANAGE) migrate --no-input; $(MANAGE) load_seed_content; $(MANAGE) update_index --verbosity 0; \
	$(MANAGE) analyze_database; $(MANAGE) sync_site_url; $(MANAGE) collectstatic --no-input --verbosity 0; \
	$(call with_scheduler,$(VENV)/bin/gunicorn itrisk.wsgi:application --bind 127.0.0.1:$(PORT) --workers $${WORKERS:-2})

# Backups of the database (SQLite or PostgreSQL, as DATABASE_URL says) and the media, in one file:
#   make backup [FILE=path.tar.gz]    default backups/site-<time>.tar.gz
#   make restore FILE=path.tar.gz     the current state is backed up first
backup: install
	$(MANAGE) backup_site $(if $(FILE),--output $(FILE))

restore: install
	@test -n "$(FILE)" || { echo "Say which backup: make restore FILE=backups/site-....tar.gz"; exit 2; }
	$(MANAGE) restore_site --no-input $(FILE)

# The production site under load (wrk) while an approver publishes, on SQLite and on PostgreSQL with
# Redis: nothing may fail (tools/loadtest.py). LOADTEST_SECONDS and LOADTEST_CONNECTIONS shorten it.
LOADTEST_SECONDS ?= 60
LOADTEST_CONNECTIONS ?= 64
loadtest-tools:
	@command -v wrk >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 \
		&& apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; } \
		|| { echo "wrk is needed for the load test (apt-get install wrk)"; exit 1; }

loadtest: catalogs loadtest-tools
	$(PY) tools/loadtest.py --seconds $(LOADTEST_SECONDS) --connections $(LOADTEST_CONNECTIONS)

# Requests per second, latency, SQL queries, size and worker memory of each kind of page, cached and
# uncached, at 21 and BENCH_SCENARIOS scenarios per language, on SQLite and on PostgreSQL with Redis;
# the table goes to bench/results.md (tools/bench.py). Run it on an otherwise idle machine.
# BAKERYDEMO=path (a checkout of wagtail/bakerydemo) measures Wagtail's demo site beside it, the same way.
BENCH_SCENARIOS ?= 10000
bench: catalogs loadtest-tools
	$(PY) tools/bench.py --scenarios $(BENCH_SCENARIOS) $(if $(BAKERYDEMO),--reference "$(BAKERYDEMO)")

# Page quality figures (axe-core, Nu Html Checker, Lighthouse) for a site that is already running,
# e.g. one started with `make serve PORT=8080`.
URL ?= http://127.0.0.1:$(PORT)
quality: install-dev browser
	npm ci --prefix tools/quality --no-audit --no-fund --silent
	$(PY) tools/quality/check.py --url $(URL)

clean:
	rm -rf $(VENV) static build *.egg-info

# The screenshots of docs/editor-guide.ja.md, taken by the browser test that walks the guide's steps.
guide-screenshots: install-dev catalogs browser
	mkdir -p docs/images/guide
	GUIDE_SCREENSHOTS=docs/images/guide $(PY) -m pytest tests/browser/test_editor.py -q -p no:cacheprovider
