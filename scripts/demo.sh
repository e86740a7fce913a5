#!/usr/bin/env bash
# Run the app with demo data on SQLite: http://127.0.0.1:5000 (PORT changes the port).
#
# Installs what is missing (scripts/setup.sh), migrates the database, seeds the demo agencies,
# users, diagrams and sample cases (run twice, it adds nothing new), starts the timer loop in
# the background and serves until Ctrl-C, which stops both.
#
# The database is DATABASE_URL when set, else a SQLite file in instance/ (the app's default).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
export VIRTUAL_ENV=$PWD/.venv
export PATH=$VIRTUAL_ENV/bin:$PATH

mkdir -p instance
if [ -n "${CELERY_BROKER_URL:-}" ]; then
    # The demo is one process: its jobs and timers run in it. With a broker set, jobs would go to
    # a queue no worker reads (scripts/scale.sh starts the Celery worker and beat).
    echo "demo: CELERY_BROKER_URL is ignored here: jobs and timers run in this process (scripts/scale.sh uses Celery)"
    unset CELERY_BROKER_URL
fi
if [ -n "${DATABASE_URL:-}" ]; then
    echo "demo: DATABASE_URL is set: using that database"
else
    echo "demo: database: SQLite file in instance/"
fi
flask --app workflow_app db upgrade
flask --app workflow_app seed-demo        # prints the demo accounts and their password

timers_pid=""
server_pid=""
stop() {
    set +e
    trap - EXIT INT TERM
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null
    [ -n "$timers_pid" ] && kill "$timers_pid" 2>/dev/null
    wait 2>/dev/null
    echo "demo: stopped"
}
trap stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

flask --app workflow_app run-timers --loop &
timers_pid=$!
echo "demo: timer loop running (pid $timers_pid)"

echo "demo: serving on http://127.0.0.1:${PORT:-5000}  (Ctrl-C stops the server and the timers)"
flask --app workflow_app run --host 127.0.0.1 --port "${PORT:-5000}" &
server_pid=$!
# Waiting on the server in the background lets Ctrl-C and kill run the trap at once.
wait "$server_pid"
