#!/usr/bin/env bash
# Run the whole test suite twice: on SQLite, then on PostgreSQL.
#
#   bash scripts/test.sh [pytest arguments...]      e.g. bash scripts/test.sh -x tests/unit
#
# Phases, each with a time budget and one line in the summary printed at the end:
#   setup     scripts/setup.sh (15 min), then Chromium for the browser tests if missing (root only)
#   sqlite    pytest without DATABASE_URL: the tests make their own temporary SQLite files (30 min)
#   postgres  pytest with TEST_DATABASE_URL set to a new database, dropped at the end (30 min);
#             tests/scale/ runs here (exactly-once timers with a real Celery worker on Redis)
#   scale     bench/faults.py --short on the same PostgreSQL server and Redis: gunicorn (2 workers),
#             a Celery worker and beat under load, a web worker and the Celery worker killed -9;
#             fails if an acknowledged completion is lost or doubled, a case half-written, a timer
#             not fired or fired twice (8 min)
# The script exits non-zero if any phase fails.
#
# PostgreSQL: the server on 127.0.0.1:5432 (user postgres, trust) when it answers; otherwise a
# private throw-away cluster on a free port (PostgreSQL is installed with apt-get when root).
# Redis: the server on 127.0.0.1:6379, else a private redis-server; TEST_REDIS_URL is exported
# to both pytest phases (tests that need Redis skip themselves without it).
#
# Environment: SKIP_POSTGRES=1 skips phases 2 and 3, SKIP_SCALE=1 phase 3 only. A TEST_DATABASE_URL or TEST_REDIS_URL already set
# is used as is (that database is yours: it is neither created nor dropped). PG_SYSTEM_PORT and
# REDIS_SYSTEM_PORT change the ports probed; SETUP_BUDGET and PYTEST_BUDGET the time budgets
# (timeout(1) durations). Logs of each phase are kept in test-artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

setup_budget=${SETUP_BUDGET:-15m}
pytest_budget=${PYTEST_BUDGET:-30m}
scale_budget=${SCALE_BUDGET:-8m}
apt_budget=600s
pg_system_port=${PG_SYSTEM_PORT:-5432}
redis_system_port=${REDIS_SYSTEM_PORT:-6379}
logs=$root/test-artifacts
mkdir -p "$logs"

given_test_db=${TEST_DATABASE_URL:-}
unset DATABASE_URL TEST_DATABASE_URL   # phase 1 must not touch any configured database

summary=()           # one line per phase, printed at exit
phase=""             # pytest phase running now (reported if interrupted)
failed=0
pg_bin=""            # bin folder of the newest installed PostgreSQL server
pg_port=""           # port of the server holding our test database
pg_db=""             # database we created (dropped at exit)
pg_private_dir=""    # private cluster we started (stopped at exit)
redis_private_dir="" # private redis-server we started (stopped at exit)

log() { echo "test.sh: $*"; }
note() { summary+=("$(printf '%-9s %s' "$1" "$2")"); log "$1: $2"; }
is_root() { [ "$(id -u)" = 0 ]; }
as_postgres() { if is_root; then runuser -u postgres -- "$@"; else "$@"; fi; }

# limited BUDGET COMMAND...: run COMMAND with a time limit. --foreground keeps the command in
# this script's process group, so Ctrl-C in a terminal (and pytest --pdb) reach it, and so does
# a TERM sent to the whole group by CI's outer timeout: the command ends, then our trap cleans up.
limited() {
    local budget=$1; shift
    timeout --foreground --kill-after=30s "$budget" "$@"
}

apt_updated=0
apt_install() {  # apt_install PACKAGE...: root only, time-bounded, output in test-artifacts/apt.log
    is_root && command -v apt-get >/dev/null || return 1
    log "apt-get install $* (log: test-artifacts/apt.log)"
    if [ "$apt_updated" = 0 ]; then
        timeout "$apt_budget" apt-get update -qq >>"$logs/apt.log" 2>&1 || return 1
        apt_updated=1
    fi
    DEBIAN_FRONTEND=noninteractive timeout "$apt_budget" \
        apt-get install -y -qq "$@" >>"$logs/apt.log" 2>&1
}

free_port() {
    python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# pg PORT SQL: run one statement as user postgres on 127.0.0.1:PORT (psycopg, autocommit).
# It uses the project's own psycopg, so no PostgreSQL client tools are needed.
pg() {
    python - "$1" "$2" <<'PY'
import sys, psycopg
with psycopg.connect(host="127.0.0.1", port=int(sys.argv[1]), user="postgres", dbname="postgres",
                     autocommit=True, connect_timeout=5) as conn:
    conn.execute(sys.argv[2])
PY
}

redis_answers() {  # redis_answers PORT
    python - "$1" 2>/dev/null <<'PY'
import sys, redis
redis.Redis(host="127.0.0.1", port=int(sys.argv[1]), socket_connect_timeout=2).ping()
PY
}

newest_pg_bin() {  # bin folder of the newest PostgreSQL server installed, or nothing
    local dirs=(/usr/lib/postgresql/*/bin)
    if [ -d "${dirs[0]}" ]; then printf '%s\n' "${dirs[@]}" | sort -V | tail -n 1; fi
}

# start_private_pg: initdb + start a cluster on a free port (recipe of toolchain.md §5).
# It lives under /tmp so that the postgres user can reach it wherever the repository is.
start_private_pg() {
    pg_bin=$(newest_pg_bin)
    if [ -z "$pg_bin" ]; then
        apt_install postgresql || return 1
        pg_bin=$(newest_pg_bin)
        [ -n "$pg_bin" ] || return 1
    fi
    pg_private_dir=$(mktemp -d /tmp/wf-test-pg.XXXXXX)
    if is_root; then chown postgres:postgres "$pg_private_dir"; fi
    pg_port=$(free_port)
    as_postgres "$pg_bin/initdb" -D "$pg_private_dir/data" -U postgres -A trust -E UTF8 \
        --locale=C.UTF-8 >"$logs/pg-initdb.log" 2>&1 || return 1
    as_postgres "$pg_bin/pg_ctl" -D "$pg_private_dir/data" -l "$pg_private_dir/server.log" -w \
        -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg_private_dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start >/dev/null || { cp "$pg_private_dir/server.log" "$logs/pg-server.log"; return 1; }
}

# run_pytest NAME [ARGS...]: one pytest phase; its output is also kept in test-artifacts/.
run_pytest() {
    local name=$1; shift
    local started=$SECONDS status=0 last
    log "phase $name: python -m pytest -q $*"
    phase=$name
    limited "$pytest_budget" python -m pytest -q "$@" 2>&1 | tee "$logs/pytest-$name.log" \
        || status=${PIPESTATUS[0]}
    phase=""
    last=$(grep -E '(passed|failed|error|deselected|no tests ran)' "$logs/pytest-$name.log" | tail -n 1 \
        | sed 's/=//g; s/^ *//; s/ *$//' || true)
    case $status in
        0)   note "$name" "PASS in $((SECONDS - started)) s: $last" ;;
        124) note "$name" "FAIL: over its $pytest_budget budget"; failed=1 ;;
        *)   note "$name" "FAIL (pytest exit $status) in $((SECONDS - started)) s: $last"; failed=1 ;;
    esac
}

# run_scale PG_SERVER_URL: phase 3, bench/faults.py --short (it creates and drops its database).
run_scale() {
    local started=$SECONDS status=0 result
    if [ -z "${TEST_REDIS_URL:-}" ]; then
        note scale "FAIL: no Redis for Celery (SKIP_SCALE=1 skips this phase)"
        failed=1
        return
    fi
    log "phase scale: python bench/faults.py --short"
    phase=scale
    limited "$scale_budget" python bench/faults.py --short --pg-url "$1" \
        --redis-url "$(python - "$TEST_REDIS_URL" <<'PY'
import sys
from urllib.parse import urlsplit, urlunsplit
parts = urlsplit(sys.argv[1])
number = int((parts.path or "/0").strip("/") or 0)
print(urlunsplit(parts._replace(path=f"/{(number - 2) % 16}")))
PY
)" 2>&1 | tee "$logs/scale.log" || status=${PIPESTATUS[0]}
    phase=""
    result=$(grep -E '^RESULT' "$logs/scale.log" | tail -n 1 | sed 's/^RESULT *//' || true)
    case $status in
        0)   note scale "PASS in $((SECONDS - started)) s: $result" ;;
        124) note scale "FAIL: over its $scale_budget budget"; failed=1 ;;
        *)   note scale "FAIL (exit $status) in $((SECONDS - started)) s: ${result:-see test-artifacts/scale.log}"; failed=1 ;;
    esac
}

cleanup() {
    local status=$?
    set +e
    if [ -n "$pg_db" ]; then
        if pg "$pg_port" "DROP DATABASE IF EXISTS \"$pg_db\" WITH (FORCE)"; then
            log "dropped database $pg_db"
        else
            log "WARNING: could not drop database $pg_db on port $pg_port"
        fi
    fi
    if [ -n "$pg_private_dir" ]; then
        as_postgres "$pg_bin/pg_ctl" -D "$pg_private_dir/data" -m immediate -w stop >/dev/null 2>&1
        rm -rf "$pg_private_dir"
        log "stopped the private PostgreSQL cluster"
    fi
    if [ -n "$redis_private_dir" ]; then
        [ -f "$redis_private_dir/redis.pid" ] && kill "$(cat "$redis_private_dir/redis.pid")" 2>/dev/null
        rm -rf "$redis_private_dir"
        log "stopped the private redis-server"
    fi
    [ -n "$phase" ] && summary+=("$(printf '%-9s %s' "$phase" "INTERRUPTED (exit $status)")")
    [ "$status" = 0 ] && [ "$failed" != 0 ] && status=1
    echo
    echo "== test.sh summary =="
    printf '%s\n' "${summary[@]}"
    echo "== test.sh: $([ "$status" = 0 ] && echo OK || echo "FAILED (exit $status)") =="
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- setup ----------------------------------------------------------------------------------
started=$SECONDS
status=0
limited "$setup_budget" bash scripts/setup.sh || status=$?
if [ "$status" != 0 ]; then
    note setup "FAIL: scripts/setup.sh exit $status (budget $setup_budget)"
    exit 1
fi
note setup "PASS in $((SECONDS - started)) s"
export VIRTUAL_ENV=$root/.venv
export PATH=$VIRTUAL_ENV/bin:$PATH

# Browser tests drive Debian's Chromium (no browser download) and skip when it is missing.
if [ -x /usr/bin/chromium ]; then
    note browser "/usr/bin/chromium present"
elif ! is_root; then
    note browser "WARNING: /usr/bin/chromium missing (not root, not installed): browser tests will skip"
else
    started=$SECONDS
    if apt_install chromium && [ -x /usr/bin/chromium ]; then
        note browser "chromium installed in $((SECONDS - started)) s"
    else
        tail -n 5 "$logs/apt.log" 2>/dev/null || true
        note browser "WARNING: chromium could not be installed: browser tests will skip"
    fi
fi

# --- Redis, for both pytest phases ----------------------------------------------------------
if [ -n "${TEST_REDIS_URL:-}" ]; then
    note redis "TEST_REDIS_URL given, used as is"
elif redis_answers "$redis_system_port"; then
    export TEST_REDIS_URL="redis://127.0.0.1:$redis_system_port/15"
    note redis "server on 127.0.0.1:$redis_system_port, database 15"
else
    command -v redis-server >/dev/null || apt_install redis-server || true
    if command -v redis-server >/dev/null; then
        redis_private_dir=$(mktemp -d /tmp/wf-test-redis.XXXXXX)
        port=$(free_port)
        redis-server --bind 127.0.0.1 --port "$port" --daemonize yes --save '' --appendonly no \
            --dir "$redis_private_dir" --pidfile "$redis_private_dir/redis.pid" \
            --logfile "$redis_private_dir/redis.log"
        for _ in $(seq 50); do redis_answers "$port" && break; sleep 0.1; done
        export TEST_REDIS_URL="redis://127.0.0.1:$port/15"
        note redis "private redis-server on 127.0.0.1:$port"
    else
        note redis "WARNING: no Redis: tests that need it will skip"
    fi
fi

# --- phase 1: SQLite ------------------------------------------------------------------------
run_pytest sqlite "$@"

# --- phase 2: PostgreSQL --------------------------------------------------------------------
if [ "${SKIP_POSTGRES:-0}" = 1 ]; then
    note postgres "skipped (SKIP_POSTGRES=1)"
elif [ -n "$given_test_db" ]; then
    export TEST_DATABASE_URL=$given_test_db
    log "TEST_DATABASE_URL given, used as is"
    run_pytest postgres "$@"
else
    name="wf_test_$$_$RANDOM"
    if pg "$pg_system_port" "CREATE DATABASE \"$name\"" 2>"$logs/pg-connect.log"; then
        pg_port=$pg_system_port
        pg_db=$name
        log "created database $name on 127.0.0.1:$pg_port"
    else
        log "no usable PostgreSQL on 127.0.0.1:$pg_system_port: $(grep -m 1 'Error' "$logs/pg-connect.log" | cut -c 1-200)"
        log "starting a private PostgreSQL cluster"
        if start_private_pg && pg "$pg_port" "CREATE DATABASE \"$name\""; then
            pg_db=$name
            log "created database $name in a private cluster on 127.0.0.1:$pg_port"
        fi
    fi
    if [ -n "$pg_db" ]; then
        export TEST_DATABASE_URL="postgresql+psycopg://postgres@127.0.0.1:$pg_port/$pg_db"
        run_pytest postgres "$@"
    else
        note postgres "FAIL: no PostgreSQL could be found or started (see test-artifacts/pg-*.log; SKIP_POSTGRES=1 skips this phase)"
        failed=1
    fi
fi

# --- phase 3: scale (faults under load) -----------------------------------------------------
if [ "${SKIP_POSTGRES:-0}" = 1 ] || [ "${SKIP_SCALE:-0}" = 1 ]; then
    note scale "skipped (SKIP_POSTGRES or SKIP_SCALE)"
elif [ -n "$given_test_db" ]; then
    run_scale "$given_test_db"          # faults.py makes its own database on that server
elif [ -n "$pg_db" ]; then
    run_scale "postgresql+psycopg://postgres@127.0.0.1:$pg_port/postgres"
else
    note scale "FAIL: no PostgreSQL"
    failed=1
fi
