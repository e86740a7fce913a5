"""Server processes tune the garbage collector once the application is loaded."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_tune_freezes_the_loaded_objects_and_raises_the_thresholds():
    # In a child process: the collector's settings are global to the process running the tests.
    code = ("import gc, workflow_app; from workflow_app import gc_tuning\n"
            "app = workflow_app.create_app({'SQLALCHEMY_DATABASE_URI': 'sqlite://'})\n"
            "gc_tuning.tune()\n"
            "assert gc.get_threshold() == gc_tuning.THRESHOLDS, gc.get_threshold()\n"
            "assert gc.get_freeze_count() > 10000, gc.get_freeze_count()\n"
            "print('ok')\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith("ok")
