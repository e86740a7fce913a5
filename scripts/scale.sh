#!/usr/bin/env bash
# Run the production mode on this machine: gunicorn (several workers), a Celery worker and
# Celery beat, over PostgreSQL and Redis. Ctrl-C (or TERM) stops them all.
#
#   DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:5432/baove183 \
#   CELERY_BROKER_URL=redis://127.0.0.1:6379/0 \
#   SECRET_KEY=... VAULT_KEY=... bash scripts/scale.sh [--seed-demo]
#
# Steps: scripts/setup.sh, `flask db upgrade`, `flask seed-demo` with --seed-demo, then the
# three processes, their logs in $LOG_DIR (default instance/logs/): web.log, worker.log,
# beat.log. Beat keeps its schedule and pid file in instance/.
#
# Settings (environment): BIND (default 127.0.0.1:8000), WEB_CONCURRENCY (gunicorn workers,
# default one per core), WEB_THREADS, CELERY_CONCURRENCY (worker processes, default the number of
# cores), CELERY_NICE (niceness of the Celery worker, default 19: on one machine the documents
# use the CPU the requests leave; measured in bench/README.md), TIMER_POLL_SECONDS (default 5), STORAGE_DIR (must be the same folder for every
# process, on every machine), and the application's own (README, "Running at scale").
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

say() { echo "scale: $*"; }
die() { echo "scale: $*" >&2; exit 2; }

seed=0
for arg in "$@"; do
    case $arg in
        --seed-demo) seed=1 ;;
        -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
        *) die "unknown argument $arg (only --seed-demo)" ;;
    esac
done

[ -n "${DATABASE_URL:-}" ] || die "DATABASE_URL is not set (postgresql+psycopg://user@host:5432/name)"
case $DATABASE_URL in
    postgresql*) ;;
    *) die "DATABASE_URL must be PostgreSQL: several processes writing one SQLite file is the embedded mode's job (scripts/demo.sh)" ;;
esac
[ -n "${CELERY_BROKER_URL:-}" ] || die "CELERY_BROKER_URL is not set (redis://host:6379/0)"
[ -n "${SECRET_KEY:-}" ] || say "WARNING: SECRET_KEY is not set: the public development key is used"
[ -n "${VAULT_KEY:-}" ] || say "WARNING: VAULT_KEY is not set: the public development key is used"

bash scripts/setup.sh
export VIRTUAL_ENV=$root/.venv
export PATH=$VIRTUAL_ENV/bin:$PATH
unset JOBS_MODE                      # with a broker, jobs go to Celery

mkdir -p instance
logs=${LOG_DIR:-$root/instance/logs}
mkdir -p "$logs"

flask --app workflow_app db upgrade
if [ "$seed" = 1 ]; then
    flask --app workflow_app seed-demo
fi

pids=()
stop() {
    set +e
    trap - EXIT INT TERM
    say "stopping"
    # TERM is a warm shutdown for all three: gunicorn finishes its requests, the worker its
    # jobs (an unfinished one is given back to the broker), beat saves its schedule.
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null; done
    for _ in $(seq 60); do
        alive=0
        for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
        [ "$alive" = 0 ] && break
        sleep 0.5
    done
    for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null; done
    wait 2>/dev/null
    say "stopped"
}
trap stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

gunicorn -c gunicorn.conf.py >>"$logs/web.log" 2>&1 &
pids+=($!)
say "web: gunicorn on ${BIND:-127.0.0.1:8000} (pid $!, log $logs/web.log)"

nice -n "${CELERY_NICE:-19}" celery -A workflow_app.jobs.celery_app worker --loglevel INFO \
    --concurrency "${CELERY_CONCURRENCY:-$(nproc)}" >>"$logs/worker.log" 2>&1 &
pids+=($!)
say "jobs: Celery worker (pid $!, log $logs/worker.log)"

beat_pid=$root/instance/celerybeat.pid
if [ -f "$beat_pid" ] && ! kill -0 "$(cat "$beat_pid")" 2>/dev/null; then
    rm -f "$beat_pid"                # left by a beat that was killed: it would refuse to start
fi
celery -A workflow_app.jobs.celery_app beat --loglevel INFO \
    --schedule "$root/instance/celerybeat-schedule" --pidfile "$beat_pid" \
    >>"$logs/beat.log" 2>&1 &
pids+=($!)
say "timers: Celery beat (pid $!, every ${TIMER_POLL_SECONDS:-5} s, log $logs/beat.log)"
say "running; Ctrl-C stops everything"

# Any one of them ending stops the others: a half-running deployment is worse than none.
wait -n "${pids[@]}" || true
say "a process ended; see $logs"
