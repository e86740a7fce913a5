"""CPU time of rendering one document PDF, per template.

For every template in `workflow_app.documents.templates.TEMPLATES` it renders the PDF for the
context of the unit tests (`tests.unit.test_documents.context`), a few times to warm up (fonts
parsed, templates compiled), then `--repeat` times, and prints the median CPU time of one
render (`time.process_time`, so time waiting for anything else is not counted), its size and
page count. It prints figures and asserts nothing. Run it from the repository root:

    .venv/bin/python bench/pdf_render.py                 # 30 renders per template
    .venv/bin/python bench/pdf_render.py --repeat 100 --profile quyet_dinh_ap_dung
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import sys
import time
from io import BytesIO
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pypdf import PdfReader  # noqa: E402

from tests.unit.test_documents import context  # noqa: E402
from workflow_app.documents import TEMPLATES, render  # noqa: E402


def cpu_ms(template: str, ctx: dict, repeat: int, warmup: int) -> tuple[float, bytes]:
    for _ in range(warmup):
        content = render(template, ctx)
    times = []
    for _ in range(repeat):
        start = time.process_time()
        content = render(template, ctx)
        times.append((time.process_time() - start) * 1000)
    return statistics.median(times), content


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30, help="timed renders per template")
    parser.add_argument("--warmup", type=int, default=3, help="untimed renders first")
    parser.add_argument("--profile", metavar="TEMPLATE", help="also print a cProfile of this template")
    args = parser.parse_args()

    # The same context as test_no_document_prints_a_confidential_value: every template renders.
    ctx = context(content={"outcome": "ap_dung", "change": True})
    print(f"{'template':<24}{'CPU ms (median)':>16}{'bytes':>9}{'pages':>7}")
    for template in sorted(TEMPLATES):
        ms, content = cpu_ms(template, ctx, args.repeat, args.warmup)
        pages = len(PdfReader(BytesIO(content)).pages)
        print(f"{template:<24}{ms:>16.1f}{len(content):>9}{pages:>7}")

    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(args.repeat):
            render(args.profile, ctx)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)


if __name__ == "__main__":
    main()
