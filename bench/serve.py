"""Serve the application for the HTTP benchmark: werkzeug, threaded, loopback only.

Configuration comes from the environment (DATABASE_URL, ARGON2_*, ...), exactly as
`flask run` would read it. The server binds 127.0.0.1 on the given port (0 = a free one)
and prints one line `READY <port>` on stdout once it accepts connections; SIGTERM or
SIGINT stops it. Used by bench/http_cases.py; not meant for anything but benchmarks.
"""
from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from werkzeug.serving import WSGIRequestHandler, make_server  # noqa: E402

from workflow_app import create_app  # noqa: E402


class QuietHandler(WSGIRequestHandler):
    """No access log: one stderr line per request would be part of what we measure."""

    def log_request(self, code="-", size="-"):
        pass


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()

    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    app = create_app()
    server = make_server("127.0.0.1", args.port, app, threaded=True, request_handler=QuietHandler)

    def stop(_signum, _frame):
        # shutdown() waits for serve_forever() to return, so it must not run on its thread.
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    print(f"READY {server.server_port}", flush=True)
    server.serve_forever()
    server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
