"""How the cost of ONE step grows with the length of ONE case.

One protection case is driven through 200+ user-task steps: start, intake, verify, decide,
then execute → review passes answering "tiep_tuc" (continue, as `engine_overhead.py
--rounds` does), then the final execute → review → terminate. Every step is timed on its
own; the figure printed for step N is the median over the steps in a window around N
(default N-4 … N+4) pooled over --repeat cases. Variants, each in its own process:

  (a) bare SpiffWorkflow in memory (as in engine_overhead.py);
  (b) (a) plus a SpiffWorkflow JSON save after every step and a restore before it;
  (c) our engine layer: workflow_app.engine.start / complete (restore, run, events, dump);
  (e) our service layer through the database: workflow_app.services.tasks.complete(...)
      inside an app context on a fresh SQLite database seeded with workflow_app.demo.seed()
      (handlers, forms, audit, inbox, commit; no HTTP). Background jobs run inline
      (JOBS_MODE=inline), so the PDFs of the decision and the termination are rendered within
      those two steps instead of in a thread competing with the next steps.

The issue's target: the cost of a step at step 200 at most 2x its cost at step 10.
The state size (KiB) after those steps is printed too. Figures are printed, never asserted.

    .venv/bin/python bench/step_growth.py                     # 211 steps, a b c e
    .venv/bin/python bench/step_growth.py --variants c --profile c
"""
from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
for p in (str(ROOT), str(HERE)):
    if p not in sys.path:
        sys.path.insert(0, p)

import engine_overhead as eo  # noqa: E402  (payloads, machine load, the bare variants' helpers)

AT = (10, 50, 100, 200)
LABELS = {
    "a": "(a) bare SpiffWorkflow, in memory",
    "b": "(b) bare SpiffWorkflow + JSON save/restore",
    "c": "(c) workflow_app.engine",
    "e": "(e) services.tasks.complete + SQLite",
}
CHEAP_ARGON2 = {"ARGON2_TIME_COST": "1", "ARGON2_MEMORY_COST": "8192"}


def rounds_for(steps: int) -> int:
    # start + intake, verify, decide + 2 per round + final execute, review, terminate
    return max(0, (steps - 7 + 1) // 2)


# -- the parent ---------------------------------------------------------------------------------

def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--steps", type=int, default=211, help="user-task steps in the case (default 211)")
    parser.add_argument("--repeat", type=int, default=3, help="cases per variant (default 3; (e) runs --repeat-e)")
    parser.add_argument("--repeat-e", type=int, default=2, help="cases for variant (e) (default 2)")
    parser.add_argument("--window", type=int, default=9, help="steps in the window around N (default 9)")
    parser.add_argument("--variants", default="abce", help="which of a, b, c, e (default abce)")
    parser.add_argument("--profile", default="", help="variants to profile: cProfile over the window around "
                                                       f"step {AT[0]} and around step {AT[-1]}, printed side by side")
    parser.add_argument("--profile-top", type=int, default=18)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--json", help="write the raw per-step times to this file")
    args = parser.parse_args()
    if args.child:
        return child(args)
    rounds = rounds_for(args.steps)
    steps = 2 * rounds + 7
    if steps < AT[-1] + args.window // 2 + 3:
        parser.error(f"--steps must be at least {AT[-1] + args.window // 2 + 3}")
    print(f"case            start → intake → verify → decide → {rounds + 1} × (execute → review) → terminate "
          f"= {steps} user-task steps")
    print(f"figure          median µs of one step over steps N-{args.window // 2}…N+{args.window // 2}, "
          f"pooled over {args.repeat} cases ((e): {args.repeat_e}); each variant in its own process")
    results = {}
    busy0, children0, t0 = eo._machine_busy(), eo._children_cpu(), time.perf_counter()
    for variant in args.variants:
        results[variant] = run_child(variant, rounds, args)
    busy1, children1, wall = eo._machine_busy(), eo._children_cpu(), time.perf_counter() - t0
    if busy0 is not None and busy1 is not None:
        others = max(0.0, busy1 - busy0 - (children1 - children0))
        print(f"other load      {others / wall * 100:.0f} % of one core used by other processes during the run "
              f"({os.cpu_count()} cores){'  <- figures may be disturbed' if others / wall > 0.2 else ''}")
    print()
    half = args.window // 2
    header = "  ".join(f"{'step ' + str(n):>10}" for n in AT)
    print(f"  {'µs per step':<44} {header}  {'200/10':>7}")
    for variant, r in results.items():
        per = [window_median(r["times"], n, half) for n in AT]
        cells = "  ".join(f"{v * 1e6:10.0f}" for v in per)
        flag = " (profiled)" if r["profiled"] else ""
        print(f"  {LABELS[variant] + flag:<44} {cells}  {per[-1] / per[0]:7.2f}")
    print()
    print(f"  {'state KiB after step N':<44} {header}")
    for variant, r in results.items():
        sizes = r.get("sizes")
        if not sizes or not any(sizes):
            continue
        cells = "  ".join(f"{sizes[n - 1] / 1024:10.1f}" for n in AT)
        print(f"  {LABELS[variant]:<44} {cells}")
    if "b" in results and "c" in results:
        print()
        for n in AT:
            c = window_median(results["c"]["times"], n, half)
            b = window_median(results["b"]["times"], n, half)
            print(f"  step {n:>3}: (c)/(b) = {c / b:.2f}")
    for variant, r in results.items():
        if r.get("profile_text"):
            print(f"\ncProfile of {LABELS[variant]}:\n{r['profile_text']}")
    if args.json:
        Path(args.json).write_text(json.dumps({v: {k: r[k] for k in ("times", "sizes")} for v, r in results.items()}))
    return 0


def window_median(times: list[list[float]], n: int, half: int) -> float:
    """Median over the steps n-half … n+half (1-based) of every case."""
    pooled = [case[i - 1] for case in times for i in range(n - half, n + half + 1) if 1 <= i <= len(case)]
    return statistics.median(pooled)


def run_child(variant: str, rounds: int, args) -> dict:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", variant, "--steps", str(args.steps),
           "--repeat", str(args.repeat_e if variant == "e" else args.repeat), "--window", str(args.window)]
    if variant in args.profile:
        cmd += ["--profile", variant, "--profile-top", str(args.profile_top)]
    env = {**os.environ, **CHEAP_ARGON2}
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=3600, env=env)
    if done.returncode != 0:
        raise SystemExit(f"variant {variant} failed:\n{done.stdout[-4000:]}\n{done.stderr[-4000:]}")
    lines = done.stdout.strip().splitlines()
    result = json.loads(lines[-1])
    result["profile_text"] = "\n".join(lines[:-1])
    return result


# -- the children -------------------------------------------------------------------------------

class Profiler:
    """cProfile switched on only for the steps in the windows around the first and last N."""

    def __init__(self, enabled: bool, half: int):
        self.windows = {n: (range(n - half, n + half + 1), cProfile.Profile()) for n in (AT[0], AT[-1])} \
            if enabled else {}

    def start(self, step: int):
        for steps, prof in self.windows.values():
            if step in steps:
                prof.enable()

    def stop(self, step: int):
        for steps, prof in self.windows.values():
            if step in steps:
                prof.disable()

    def report(self, top: int) -> str:
        out = []
        for n, (_, prof) in self.windows.items():
            for sort in ("tottime", "cumulative"):
                buf = io.StringIO()
                pstats.Stats(prof, stream=buf).sort_stats(sort).print_stats(top)
                text = buf.getvalue()
                out.append(f"-- steps around {n}, by {sort} --\n" + text[text.find("   ncalls"):].rstrip())
        return "\n".join(out)


def bare_case(serialize: bool):
    from SpiffWorkflow.bpmn import BpmnWorkflow
    from SpiffWorkflow.bpmn.serializer import BpmnWorkflowSerializer
    from SpiffWorkflow.spiff.serializer import DEFAULT_CONFIG
    from SpiffWorkflow.util.task import TaskState

    spec, subprocess_specs = eo.bare_specs()
    engine = eo.bare_engine()
    serializer = BpmnWorkflowSerializer(BpmnWorkflowSerializer.configure(DEFAULT_CONFIG))

    def run(payload, prof):
        times, sizes = [], []
        prof.start(1)
        t0 = time.perf_counter()
        workflow = BpmnWorkflow(spec, subprocess_specs, script_engine=engine)
        for task in workflow.get_tasks(state=TaskState.READY):
            task.set_data(**payload["start"])
        workflow.do_engine_steps()
        saved = serializer.serialize_json(workflow) if serialize else None
        times.append(time.perf_counter() - t0)
        prof.stop(1)
        sizes.append(len(saved.encode()) if serialize else 0)
        for n, step in enumerate(payload["steps"], start=2):
            prof.start(n)
            t0 = time.perf_counter()
            workflow, saved = eo.bare_step(workflow, saved, step, serializer if serialize else None, engine)
            times.append(time.perf_counter() - t0)
            prof.stop(n)
            sizes.append(len(saved.encode()) if serialize else 0)
        if not workflow.is_completed():
            raise RuntimeError("the case did not complete")
        return times, sizes
    return run


def engine_case():
    from workflow_app import engine
    xml = {pid: p.read_bytes() for pid, p in eo.BPMN.items()}
    bundle = engine.get_specs(("bench",), eo.TOP, lambda: xml)

    def run(payload, prof):
        times, sizes = [], []
        prof.start(1)
        t0 = time.perf_counter()
        step = engine.start(bundle, payload["start"])
        times.append(time.perf_counter() - t0)
        prof.stop(1)
        sizes.append(len(step.state.encode()))
        for n, want in enumerate(payload["steps"], start=2):
            prof.start(n)
            t0 = time.perf_counter()
            ready = next(t for t in step.ready if t.element_id == want["element_id"])
            step = engine.complete(bundle, step.state, ready.id, want["data"])
            times.append(time.perf_counter() - t0)
            prof.stop(n)
            sizes.append(len(step.state.encode()))
            if step.error:
                raise RuntimeError(f"{want['element_id']}: {step.error}")
        if step.status != "completed":
            raise RuntimeError(f"the case ended {step.status}")
        return times, sizes
    return run


def service_path(rounds: int) -> dict:
    """The user-level path (forms' data, users) of tests/api/test_smoke_flow.py with `rounds`
    extra execute → review ("tiep_tuc") passes."""
    from case_path import protection_path
    path = protection_path()
    steps = path["steps"]
    at = [s["element_id"] for s in steps].index("execute")
    execute, review = steps[at], steps[at + 1]
    again = [{**execute, "data": {**execute["data"], "recommendation": "tiep_tuc"}},
             {**review, "data": {**review["data"], "review_action": "tiep_tuc"}}]
    steps[at:at] = again * rounds
    return path


def service_case(tmp: Path):
    from flask_migrate import upgrade
    from sqlalchemy import select

    from workflow_app import create_app, demo
    from workflow_app.extensions import db
    from workflow_app.models import ProcessInstance, User
    from workflow_app.services import instances, tasks

    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp / 'bench.sqlite3'}",
                      "STORAGE_DIR": str(tmp / "files"), "VAULT_KEY": "YmVuY2gtb25seS12YXVsdC1rZXktMDAwMDAwMDAwMDA=",
                      "ARGON2_TIME_COST": 1, "ARGON2_MEMORY_COST": 8192,
                      # documents rendered inside the completion that asks for them, not by a
                      # background thread that would run during the following steps' timing
                      "JOBS_MODE": "inline"})
    with app.app_context():
        upgrade(directory=str(ROOT / "migrations"))
        demo.seed()
        db.session.remove()

    def user(name):
        return db.session.execute(select(User).where(User.username == name)).scalar_one()

    def run(path, prof):
        times, sizes = [], []
        with app.app_context():
            prof.start(1)
            t0 = time.perf_counter()
            instance = instances.start_case(user(path["start"]["user"]), "protection_request", path["start"]["data"])
            times.append(time.perf_counter() - t0)
            prof.stop(1)
            instance_id = instance.id
            sizes.append(len(instance.state.encode()))
            ready = list(instances.active_tasks(instance_id))
            db.session.remove()
            for n, want in enumerate(path["steps"], start=2):
                task_id = next(t.id for t in ready if t.element_id == want["element_id"])
                actor = user(want["user"])
                prof.start(n)
                t0 = time.perf_counter()
                instance, ready = tasks.complete(actor, task_id, want["data"])
                times.append(time.perf_counter() - t0)
                prof.stop(n)
                ready = [type("T", (), {"id": t.id, "element_id": t.element_id}) for t in ready]
                db.session.remove()
                state = db.session.get(ProcessInstance, instance_id).state
                sizes.append(len(state.encode()))
                db.session.remove()
            status = db.session.get(ProcessInstance, instance_id).status
            db.session.remove()
            if status != "completed":
                raise RuntimeError(f"the case ended {status}")
        return times, sizes
    return run


def child(args) -> int:
    variant = args.child
    rounds = rounds_for(args.steps)
    tmp = tempfile.TemporaryDirectory(prefix="step-growth-")
    if variant == "e":
        payload = service_path(rounds)
        run = service_case(Path(tmp.name))
    else:
        payload = eo.engine_payload(rounds)
        run = {"a": lambda: bare_case(False), "b": lambda: bare_case(True), "c": engine_case}[variant]()
    quiet = Profiler(False, 0)
    run(payload, quiet)                       # warm-up case (parsing, caches, first-import costs)
    prof = Profiler(args.profile == variant, args.window // 2)
    all_times, sizes = [], []
    for i in range(args.repeat):
        times, sizes = run(payload, prof if i == 0 else quiet)
        all_times.append(times)
    if prof.windows:
        print(prof.report(args.profile_top))
    tmp.cleanup()
    print(json.dumps({"variant": variant, "times": all_times, "sizes": sizes, "profiled": bool(prof.windows)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
