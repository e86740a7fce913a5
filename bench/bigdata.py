"""Read paths at scale: 100 000 cases and 1 000 000 audit rows, then the inbox and the case page.

What it does:
  1. a fresh SQLite database in a temporary folder (or the PostgreSQL database given with
     --database-url, which the caller owns), migrated with `flask db upgrade` and seeded
     with `flask seed-demo` (its sample cases are the templates of the generated ones);
  2. generates --cases cases and --audit-rows audit events by bulk inserts
     (bench/bigdata_gen.py): clones of the sample cases with their inbox rows, parties,
     case-file entries and notifications, and audit rows that continue the hash chain;
  3. checks the whole chain (`workflow_app.audit.chain.verify`, what `flask audit verify`
     runs) and prints how long that took;
  4. times the inbox (API and page) and the case page (API, officials' page, auditor's
     page) through a Flask test client on `create_app()` (bench/bigdata_measure.py):
     p50/p95/p99/max in ms and SQL statements per request;
  5. prints the CPU used by the rest of the machine meanwhile (/proc/stat), and deletes the
     temporary folder (--keep keeps it).

Figures are printed, never asserted.

    .venv/bin/python bench/bigdata.py                                  # 100 000 / 1 000 000, SQLite
    .venv/bin/python bench/bigdata.py --cases 1000 --audit-rows 10000
    .venv/bin/python bench/bigdata.py --database-url postgresql+psycopg://postgres@127.0.0.1:5432/wf_bigdata
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from case_path import ROOT  # noqa: E402
from http_cases import CHEAP_ARGON2, flask_cli, machine_busy_seconds, percentile  # noqa: E402

os.environ.update(CHEAP_ARGON2)


def prepare(url: str) -> dict:
    env = {**os.environ, "DATABASE_URL": url, "PYTHONUNBUFFERED": "1",
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    env.pop("FLASK_APP", None)
    return {"upgrade": flask_cli(env, "db", "upgrade"), "seed": flask_cli(env, "seed-demo")}


def make_app(url: str):
    from workflow_app import create_app
    return create_app({"SQLALCHEMY_DATABASE_URI": url})


def generate(app, cases: int, audit_rows: int) -> dict:
    from bigdata_gen import generate as run
    with app.app_context():
        try:
            return run(cases, audit_rows, log=lambda line: print(f"  {line}", flush=True))
        finally:
            from workflow_app.extensions import db
            db.session.remove()


def verify(app) -> tuple[dict, float]:
    from workflow_app.audit.chain import verify as check
    from workflow_app.extensions import db
    with app.app_context():
        t0 = time.perf_counter()
        result = check()
        elapsed = time.perf_counter() - t0
        db.session.remove()
    return result, elapsed


def analyse(app) -> None:
    """Fresh planner statistics after the bulk load, as autovacuum would gather soon after
    (on PostgreSQL VACUUM ANALYZE, which also lets counts read the indexes only)."""
    from sqlalchemy import text
    from workflow_app.extensions import db
    with app.app_context():
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql("VACUUM ANALYZE" if db.engine.dialect.name == "postgresql" else "ANALYZE")
        db.session.remove()


def print_figures(results: dict) -> list[str]:
    lines = [f"  {'request':<14} {'n':>5} {'p50':>8} {'p95':>8} {'p99':>8} {'max':>8}   SQL/request  errors"]
    for kind, f in results.items():
        ms = [s * 1000 for s in f.seconds]
        sql = f"{min(f.statements)}–{max(f.statements)}" if f.statements else "-"
        lines.append(f"  {kind:<14} {len(ms):>5} {percentile(ms, 50):8.1f} {percentile(ms, 95):8.1f} "
                     f"{percentile(ms, 99):8.1f} {max(ms):8.1f}   {sql:<11}  "
                     f"{f.errors or 'none'}  (mean SQL {statistics.mean(f.statements):.1f})")
    print("\n".join(lines))
    return lines


def other_load(label: str, start: tuple, end: tuple, postgres: bool) -> None:
    """CPU used by other processes between two (machine busy, own CPU, wall) readings."""
    if start[0] is None or end[0] is None:
        return
    others = max(0.0, (end[0] - start[0]) - (end[1] - start[1]))
    print(f"other load      during {label}: {others:.1f} s CPU by other processes "
          f"({others / (end[2] - start[2]) * 100:.0f} % of one core)"
          + ("; on PostgreSQL this includes the database server" if postgres else ""))


def measure_and_print(app, samples: int, *, postgres: bool, before: tuple | None = None) -> int:
    """Time the read paths, print the figures and the other load; 1 if a request failed."""
    from bigdata_measure import measure
    start = (machine_busy_seconds(), time.process_time(), time.perf_counter())
    results = measure(app, samples)
    end = (machine_busy_seconds(), time.process_time(), time.perf_counter())
    print(f"read paths      {samples} timed requests per kind (ms)")
    print_figures(results)
    if before is not None:
        other_load("generation+verify", before, start, postgres)
    other_load("measurement", start, end, postgres)
    return 1 if any(f.errors for f in results.values()) else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--audit-rows", type=int, default=1_000_000)
    parser.add_argument("--database-url", help="a PostgreSQL URL the caller owns (migrated and seeded here); "
                                               "default: a fresh SQLite file in a temporary folder")
    parser.add_argument("--samples", type=int, default=300, help="timed requests per kind (default 300)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--measure-only", metavar="URL",
                        help="only time the read paths on a database generated before (kept with --keep)")
    args = parser.parse_args()
    if args.cases < 1 or args.audit_rows < 1 or args.samples < 1:
        parser.error("--cases, --audit-rows and --samples must be at least 1")

    if args.measure_only:
        return measure_and_print(make_app(args.measure_only), args.samples,
                                 postgres=args.measure_only.startswith("postgresql"))
    tmp = Path(tempfile.mkdtemp(prefix="wf-bench-bigdata-"))
    url = args.database_url or f"sqlite:///{tmp / 'bigdata.sqlite3'}"
    print(f"database        {'PostgreSQL (given)' if args.database_url else f'SQLite (fresh, {tmp})'}; "
          f"{os.cpu_count()} cores")
    try:
        setup = prepare(url)
        print(f"set-up          upgrade {setup['upgrade']:.1f} s, seed {setup['seed']:.1f} s")
        app = make_app(url)
        print(f"generating      {args.cases} cases, {args.audit_rows} audit rows")
        machine0, own0, t0 = machine_busy_seconds(), time.process_time(), time.perf_counter()
        counts = generate(app, args.cases, args.audit_rows)
        analyse(app)
        print(f"generation      {counts['total_s']:.1f} s (cases {counts['cases_s']:.1f} s, "
              f"audit rows {counts['audit_s']:.1f} s)")
        result, verify_s = verify(app)
        print(f"audit verify    {'intact' if result.get('ok') else 'BROKEN'} ({result}) in {verify_s:.1f} s")

        failed = measure_and_print(app, args.samples, postgres=bool(args.database_url),
                                   before=(machine0, own0, t0)) or not result.get("ok")
        return 1 if failed else 0
    finally:
        if args.keep:
            print(f"kept            {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
