"""Time to import the whole Yandex Cloud docs corpus (target: under 1 s).

    PYTHONPATH=. .venv/bin/python benchmarks/import_docs.py [--repeat N] [CORPUS]

Each service folder is imported as its own document, as the CLI would; the figure is
the median over the repetitions of importing all of them.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from generator.docs import import_docs

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "yandex-cloud-docs"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    services = sorted(p for p in args.corpus.iterdir() if p.is_dir())
    times: list[float] = []
    pages = operations = schemas = 0
    for _ in range(args.repeat):
        start = time.perf_counter()
        results = [import_docs([service]) for service in services]
        times.append(time.perf_counter() - start)
        pages = sum(r.pages for r in results)
        operations = sum(r.operations for r in results)
        schemas = sum(r.schemas for r in results)
    print(f"{pages} pages, {operations} operations, {schemas} schemas in {len(services)} documents")
    print(f"median {statistics.median(times) * 1000:.1f} ms over {args.repeat} runs "
          f"(min {min(times) * 1000:.1f} ms, max {max(times) * 1000:.1f} ms)")


if __name__ == "__main__":
    main()
