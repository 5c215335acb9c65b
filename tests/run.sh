#!/usr/bin/env bash
# Runs the plugin's own suite in its minimal project (no site), then the site's suite on SQLite, then
# again on PostgreSQL when it answers.
# On CI (CI=true) PostgreSQL is required: a missing server fails the run instead of skipping.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
# Python's bytecode cache and pytest's cache of rewritten test modules save each pytest process and
# each site subprocess seconds of compiling; an environment that turns bytecode off would lose them.
unset PYTHONDONTWRITEBYTECODE
PG_URL=${TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/test}
# pytest-xdist: one worker per core, each with its own copy of the seeded database (test_test_gw0… on
# PostgreSQL) and, for the tests that talk to a running site, its own copy of the site.
WORKERS=(-n "${TEST_WORKERS:-auto}")

# The plugin's suite runs in one process beside the site's run on SQLite, whose workers leave a core
# idle for a third of the time (waiting on the site they started, on the browser); its report comes
# after theirs. Its line coverage (at least 90 %) is checked by `make plugin-check` on CI, and shown
# by `make plugin-test`. --reuse-db: its migrated database is kept, one per version of its migrations.
plugin_report=$(mktemp)
trap 'rm -f "$plugin_report"' EXIT
$PY -m pytest scenarios/tests --ds=scenarios.tests.settings -p no:cacheprovider -p no:xdist -q --reuse-db \
  >"$plugin_report" 2>&1 &
plugin=$!

echo "== tests on SQLite"
site_status=0
$PY -m pytest "${WORKERS[@]}" "$@" || site_status=$?

echo "== the plugin on its own (scenarios/tests: a minimal project without site/ and home/)"
plugin_status=0
wait "$plugin" || plugin_status=$?
cat "$plugin_report"
[ "$site_status" = 0 ] && [ "$plugin_status" = 0 ] || exit 1

if $PY - "$PG_URL" <<'PYEOF'
import sys, psycopg
try:
    psycopg.connect(sys.argv[1].replace("postgres://", "postgresql://"), connect_timeout=3).close()
except Exception as error:
    print(f"PostgreSQL does not answer at {sys.argv[1]}: {error}")
    sys.exit(1)
PYEOF
then
  echo "== tests on PostgreSQL"
  # Again, the tests whose answer depends on the database (marked database_specific: SQL and query
  # counts, search, odd input, the loader, privacy and permissions). The others ask the same of
  # Django on either database, and the backup and scale-out tests run PostgreSQL themselves.
  TEST_DATABASE_URL=$PG_URL $PY -m pytest -p no:cacheprovider "${WORKERS[@]}" -m database_specific "$@"
elif [ "${CI:-}" = "true" ]; then
  echo "PostgreSQL is required on CI." >&2
  exit 1
else
  echo "== skipped the PostgreSQL run: PostgreSQL does not answer (it always runs on CI)"
fi
