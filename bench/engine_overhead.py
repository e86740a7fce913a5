"""What our engine layer costs over bare SpiffWorkflow, with no HTTP and no database.

The same seven user-task path as bench/http_cases.py (start, intake, verify, decide,
execute, review, terminate; payloads from tests/support.py plus the values the handlers
would add, e.g. `rerouted`, `settings`) runs --repeat times in each variant:

  (a) bare SpiffWorkflow in memory: one BpmnWorkflow per case, set data, run the user
      task, do_engine_steps; a plain PythonScriptEngine with the days/hours helpers;
  (b) (a) plus a BpmnWorkflowSerializer JSON save after start and after every task and a
      restore before every task (the serializer writes the spec into every save);
  (c) our engine layer: workflow_app.engine.get_specs/start/complete, which restore the
      instance state and dump it on every call, with sandboxed scripts, history events,
      due dates and the next wake-up, and cut the finished past of the task tree before
      the dump (docs/adr/0009-bounded-task-tree.md);
  (d) diagnostic: (c) with SpiffWorkflow's plain script engine instead of the sandbox,
      to show what the sandbox itself costs.

Each variant runs in its own Python process: importing workflow_app.engine patches
SpiffWorkflow (application clock, iterator depth), and (a)/(b) must measure SpiffWorkflow
untouched. Parsing is done once per process and not timed; --warmup cases run first.
The figure reported is the median over the timed cases of the time of one case, divided
by 7 for the time of one task step. Figures are printed, never asserted.

    .venv/bin/python bench/engine_overhead.py                 # 200 cases per variant
    .venv/bin/python bench/engine_overhead.py --repeat 50 --profile c
"""
from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BPMN = {"protection_request": ROOT / "bpmn" / "protection_request.bpmn",
        "interagency_coordination": ROOT / "bpmn" / "interagency_coordination.bpmn"}
TOP = "protection_request"
LABELS = {
    "a": "(a) bare SpiffWorkflow, in memory",
    "b": "(b) bare SpiffWorkflow + JSON save/restore per task",
    "c": "(c) workflow_app.engine (state dump/restore, sandbox)",
    "d": "(d) = (c) with the plain script engine [diagnostic]",
}


# -- the parent: payloads, children, report --------------------------------------------------

def engine_payload(rounds: int = 0) -> dict:
    """The path with what handlers and services add to the data before it reaches the engine;
    `rounds` extra execute → review ("tiep_tuc") passes before the final report."""
    sys.path.insert(0, str(HERE))
    from case_path import STARTER, protection_path
    from workflow_app.engine.parsing import read

    path = protection_path()
    settings = read(BPMN[TOP].read_bytes()).settings
    start = {**path["start"]["data"], "requester_agency": "TAND_TINH", "requested_by": STARTER,
             "case_number": "BV-2025-000001", "settings": settings}
    extra = {"intake": {"rerouted": False, "file_holder": "intake_officer.ca_tinh"},
             "decide": {"cooperating_agencies": [], "measures_active": ["canh_gac_bao_ve"], "change_refused": False},
             "terminate": {"measures_active": []}}
    steps = [{"element_id": s["element_id"], "data": {**s["data"], **extra.get(s["element_id"], {})}}
             for s in path["steps"]]
    at = [s["element_id"] for s in steps].index("execute")
    again = [{"element_id": "execute", "data": {**steps[at]["data"], "recommendation": "tiep_tuc"}},
             {"element_id": "review", "data": {"review_action": "tiep_tuc", "review_basis": "bao_cao_luc_luong"}}]
    steps[at:at] = again * rounds
    return {"start": start, "steps": steps}


def run_child(variant: str, payload: dict, args) -> dict:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", variant,
           "--repeat", str(args.repeat), "--warmup", str(args.warmup)]
    if args.profile and variant in args.profile:
        cmd += ["--profile", variant, "--profile-top", str(args.profile_top)]
    done = subprocess.run(cmd, input=json.dumps(payload), capture_output=True, text=True, cwd=ROOT, timeout=1800)
    if done.returncode != 0:
        raise SystemExit(f"variant {variant} failed:\n{done.stdout}\n{done.stderr}")
    result_line = done.stdout.strip().splitlines()[-1]
    result = json.loads(result_line)
    result["profile_text"] = "\n".join(done.stdout.strip().splitlines()[:-1])
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=200, help="timed cases per variant (default 200)")
    parser.add_argument("--warmup", type=int, default=10, help="untimed cases first (default 10)")
    parser.add_argument("--variants", default="abcd", help="which of a, b, c, d to run (default abcd)")
    parser.add_argument("--rounds", type=int, default=0,
                        help="extra execute → review (continue) passes per case, to see how the cost of "
                             "a step grows with the task tree (default 0: the seven-step path)")
    parser.add_argument("--profile", default="", help="variants to run under cProfile instead (e.g. c): "
                                                       "prints their top functions; their timings then include "
                                                       "the profiler's overhead")
    parser.add_argument("--profile-top", type=int, default=25)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")

    payload = engine_payload(args.rounds)
    steps = 1 + len(payload["steps"])
    names = [s["element_id"] for s in payload["steps"]]
    if args.rounds:
        names = names[:3] + [f"({args.rounds + 1} × execute → review)", "terminate"]
    print(f"path            start → {' → '.join(names)} ({steps} task steps per case)")
    print(f"runs            {args.repeat} timed cases per variant after {args.warmup} warm-up cases, "
          f"each variant in its own process; median case time / {steps}")
    results = {}
    busy0, children0, t0 = _machine_busy(), _children_cpu(), time.perf_counter()
    for variant in args.variants:
        results[variant] = run_child(variant, payload, args)
    busy1, children1, wall = _machine_busy(), _children_cpu(), time.perf_counter() - t0
    if busy0 is not None and busy1 is not None:
        others = max(0.0, busy1 - busy0 - (children1 - children0))
        print(f"other load      {others / wall * 100:.0f} % of one core used by other processes during the run "
              f"({os.cpu_count()} cores){'  <- figures may be disturbed' if others / wall > 0.2 else ''}")
    print()
    print(f"  {'variant':<55} {'µs/task':>9} {'tasks/s':>9} {'ms/case':>8}  {'p10–p90 µs/task':>17}  state")
    for variant, r in results.items():
        cases = r["case_seconds"]
        median = statistics.median(cases)
        deciles = statistics.quantiles(cases, n=10) if len(cases) >= 2 else [median] * 9
        per_task = median / steps * 1e6
        flag = " (profiled)" if r["profiled"] else ""
        print(f"  {LABELS[variant] + flag:<55} {per_task:9.0f} {steps / median:9.0f} {median * 1e3:8.2f}  "
              f"{deciles[0] / steps * 1e6:7.0f}–{deciles[-1] / steps * 1e6:<7.0f}  "
              f"{_size(r.get('state_bytes'))}")
    median = {v: statistics.median(r["case_seconds"]) for v, r in results.items()}
    print()
    for num, den in (("c", "a"), ("c", "b"), ("b", "a"), ("c", "d")):
        if num in median and den in median:
            print(f"  ({num})/({den}) = {median[num] / median[den]:.2f}")
    for variant, r in results.items():
        if r["profile_text"]:
            print(f"\ncProfile of {LABELS[variant]} ({args.repeat} cases):\n{r['profile_text']}")
    return 0


def _machine_busy() -> float | None:
    try:
        fields = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    except (OSError, ValueError, IndexError):
        return None
    return (sum(fields[:8]) - fields[3] - fields[4]) / os.sysconf("SC_CLK_TCK")


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _size(n) -> str:
    return f"{n / 1024:.1f} KiB after the last step" if n else "-"


# -- the children: one variant each -------------------------------------------------------------

def days(n) -> str:
    return f"P{int(n)}D"


def hours(n) -> str:
    return f"PT{int(n)}H"


def bare_specs():
    from SpiffWorkflow.spiff.parser import SpiffBpmnParser
    parser = SpiffBpmnParser()
    parser.add_bpmn_files([str(p) for p in BPMN.values()])
    return parser.get_spec(TOP), parser.get_subprocess_specs(TOP)


def bare_engine():
    from SpiffWorkflow.bpmn.script_engine import PythonScriptEngine, TaskDataEnvironment
    return PythonScriptEngine(environment=TaskDataEnvironment({"days": days, "hours": hours}))


def bare_step(workflow, saved, step: dict, serializer, engine):
    """One user task of bare SpiffWorkflow; with a `serializer`, restored from `saved` before
    and saved after (variant b). Returns (workflow, saved)."""
    from SpiffWorkflow.util.task import TaskState
    if serializer is not None:
        workflow = serializer.deserialize_json(saved)
        workflow.script_engine = engine
    task = next(t for t in workflow.get_tasks(state=TaskState.READY, manual=True)
                if t.task_spec.bpmn_id == step["element_id"])
    task.set_data(**step["data"])
    task.run()
    workflow.do_engine_steps()
    return workflow, serializer.serialize_json(workflow) if serializer is not None else saved


def make_bare(serialize: bool):
    from SpiffWorkflow.bpmn import BpmnWorkflow
    from SpiffWorkflow.bpmn.serializer import BpmnWorkflowSerializer
    from SpiffWorkflow.spiff.serializer import DEFAULT_CONFIG
    from SpiffWorkflow.util.task import TaskState

    spec, subprocess_specs = bare_specs()
    engine = bare_engine()
    serializer = BpmnWorkflowSerializer(BpmnWorkflowSerializer.configure(DEFAULT_CONFIG))
    last = {}

    def run_case(payload):
        workflow = BpmnWorkflow(spec, subprocess_specs, script_engine=engine)
        for task in workflow.get_tasks(state=TaskState.READY):
            task.set_data(**payload["start"])
        workflow.do_engine_steps()
        saved = serializer.serialize_json(workflow) if serialize else None
        for step in payload["steps"]:
            workflow, saved = bare_step(workflow, saved, step, serializer if serialize else None, engine)
        if not workflow.is_completed():
            raise RuntimeError("the case did not complete")
        if serialize:
            last["state_bytes"] = len(saved.encode())
    return run_case, last


def make_ours(plain_scripts: bool):
    sys.path.insert(0, str(ROOT))
    from workflow_app import engine
    if plain_scripts:
        from workflow_app.engine import state
        state.script_engine = bare_engine     # attach_engine looks the name up at call time
    xml = {pid: p.read_bytes() for pid, p in BPMN.items()}
    bundle = engine.get_specs(("bench",), TOP, lambda: xml)
    last = {}

    def run_case(payload):
        step = engine.start(bundle, payload["start"])
        for want in payload["steps"]:
            ready = next(t for t in step.ready if t.element_id == want["element_id"])
            step = engine.complete(bundle, step.state, ready.id, want["data"])
            if step.error:
                raise RuntimeError(f"{want['element_id']}: {step.error}")
        if step.status != "completed":
            raise RuntimeError(f"the case ended {step.status}")
        last["state_bytes"] = len(step.state.encode())
    return run_case, last


def child(args) -> int:
    payload = json.loads(sys.stdin.read())
    variant = args.child
    run_case, last = {"a": lambda: make_bare(False), "b": lambda: make_bare(True),
                      "c": lambda: make_ours(False), "d": lambda: make_ours(True)}[variant]()
    for _ in range(args.warmup):
        run_case(payload)
    profiler = cProfile.Profile() if args.profile == variant else None
    times = []
    if profiler:
        profiler.enable()
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        run_case(payload)
        times.append(time.perf_counter() - t0)
    if profiler:
        profiler.disable()
        for sort in ("tottime", "cumulative"):
            out = io.StringIO()
            stats = pstats.Stats(profiler, stream=out)
            stats.sort_stats(sort).print_stats(args.profile_top)
            text = out.getvalue()
            print(f"-- by {sort} --\n" + text[text.find("   ncalls"):].rstrip())
    print(json.dumps({"variant": variant, "case_seconds": times, "profiled": profiler is not None,
                      "state_bytes": last.get("state_bytes")}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
