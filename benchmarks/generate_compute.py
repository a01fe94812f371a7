"""Wall time of `clientgen generate` and `clientgen check` for the compute target.

    .venv/bin/python benchmarks/generate_compute.py [--runs 5]

Each run is a fresh process (what a user or CI pays, imports included), generating into
a temporary copy so the committed tree is untouched. Prints the median and the range.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLIENTGEN = Path(sys.executable).parent / "clientgen"


def timed(args: list[str], cwd: Path) -> float:
    started = time.perf_counter()
    subprocess.run([str(CLIENTGEN), "--quiet", *args], cwd=cwd, check=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch) / "repo"
        shutil.copytree(ROOT, work, ignore=shutil.ignore_patterns(".venv", ".git", "__pycache__", ".*_cache", "tests"))
        figures: dict[str, list[float]] = {"generate (fresh output)": [], "generate (unchanged)": [], "check (clean)": []}
        for _ in range(runs):
            shutil.rmtree(work / "generated", ignore_errors=True)
            figures["generate (fresh output)"].append(timed(["generate", "compute"], work))
            figures["generate (unchanged)"].append(timed(["generate", "compute"], work))
            figures["check (clean)"].append(timed(["check", "compute"], work))
    for name, values in figures.items():
        print(f"{name:26} median {statistics.median(values):.2f} s  (min {min(values):.2f}, max {max(values):.2f}, {runs} runs)")


if __name__ == "__main__":
    main()
