#!/usr/bin/env bash
# Install what the app and its tests need. Safe to run again: it only redoes a step whose
# input changed (pyproject.toml for Python, package-lock.json for npm).
#
#   .venv/                      Python virtual environment, `pip install -e ".[test]"`
#   node_modules/               `npm ci` from the committed package-lock.json
#   workflow_app/web/static/vendor/bpmn-js/   copied by scripts/copy-assets.sh
#
# Set SETUP_FORCE=1 to reinstall everything. Chromium (browser tests) is installed by
# scripts/test.sh, not here: the demo does not need it.
set -euo pipefail
cd "$(dirname "$0")/.."

python=${PYTHON:-python3}
venv=.venv

say() { echo "setup: $*"; }
checksum() { sha256sum "$@" | sha256sum | cut -c1-16; }

# --- Python --------------------------------------------------------------------------------
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo "setup: Python 3.11 or newer is needed ('$python' is $("$python" -V 2>&1 || echo missing))" >&2
    exit 1
fi

if [ ! -x "$venv/bin/python" ]; then
    say "creating $venv"
    if ! "$python" -m venv "$venv"; then
        rm -rf "$venv"
        # Debian ships venv/ensurepip in a separate package.
        if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
            say "installing python3-venv"
            apt-get update -qq
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
            "$python" -m venv "$venv"
        else
            echo "setup: '$python -m venv' failed; install python3-venv (Debian) and retry" >&2
            exit 1
        fi
    fi
fi

stamp="$venv/.setup-stamp"
want="$(checksum pyproject.toml)"
if [ "${SETUP_FORCE:-0}" = 1 ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ] \
        || ! "$venv/bin/python" -c 'import importlib.metadata as m; m.version("bao-ve-183")' 2>/dev/null; then
    say "pip install -e .[test]"
    rm -f "$stamp"
    # Its chatter (build warnings) goes to a log that is shown only when pip fails.
    if ! "$venv/bin/python" -m pip install -q --disable-pip-version-check -e ".[test]" \
            >"$venv/setup-pip.log" 2>&1; then
        tail -n 40 "$venv/setup-pip.log" >&2
        echo "setup: pip install failed (full log: $venv/setup-pip.log)" >&2
        exit 1
    fi
    echo "$want" >"$stamp"
else
    say "Python packages up to date"
fi

# --- JavaScript (bpmn-js) ------------------------------------------------------------------
if [ -f package.json ]; then
    if ! command -v npm >/dev/null; then
        echo "setup: npm not found; install Node.js 20 and npm" >&2
        exit 1
    fi
    if [ ! -f package-lock.json ]; then
        echo "setup: package-lock.json is missing; run 'npm install' and commit it" >&2
        exit 1
    fi
    stamp=node_modules/.setup-stamp
    want="$(checksum package.json package-lock.json)"
    if [ "${SETUP_FORCE:-0}" = 1 ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
        say "npm ci"
        npm ci --no-audit --no-fund --loglevel=error
        echo "$want" >"$stamp"
    else
        say "node_modules up to date"
    fi
    bash scripts/copy-assets.sh
fi

say "done"
