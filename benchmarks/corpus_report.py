"""The whole OpenAPI corpus through clientgen: a table of what generates, imports and type-checks.

    .venv/bin/python benchmarks/corpus_report.py [--mypy] [--strict] [--only SUBSTRING] [--jobs 2]

For each root document: operations and schemas in the spec, the result (ok, or the
located error clientgen printed), generation time, files written, whether the package
imports, and (with --mypy) the mypy result. When openapi-python-client is on PATH the
same documents go through it too, side by side. Prints Markdown; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.config import TargetConfig  # noqa: E402
from generator.errors import ClientgenError  # noqa: E402
from generator.pipeline import build  # noqa: E402
from generator.spec import load_spec  # noqa: E402
from generator.writer import write_tree  # noqa: E402
from tests.corpus import OPENAPI, entry_of, label, openapi_documents  # noqa: E402


@dataclass(frozen=True)
class Row:
    spec: str
    package: str
    operations: int
    schemas: int
    result: str
    seconds: float
    files: int


def package_name(index: int, path: Path) -> str:
    return f"c{index}_" + re.sub(r"[^a-z0-9]+", "_", label(path).lower()).strip("_")[:40].strip("_")


def generate_one(job: tuple[int, str, str]) -> Row:
    index, doc_text, out_text = job
    doc, out = Path(doc_text), Path(out_text)
    package = package_name(index, doc)
    started = time.perf_counter()
    operations = schemas = files = 0
    try:
        spec = load_spec(doc, ref_root=entry_of(doc))
        operations = sum(
            1 for item in (spec.document.get("paths") or {}).values() if isinstance(item, dict)
            for method in ("get", "put", "post", "delete", "options", "head", "patch", "trace") if method in item
        )
        schemas = len((spec.document.get("components") or {}).get("schemas") or {})
        target = TargetConfig(
            name=package, spec=doc, package=package, output=out / package, spec_label=label(doc), ref_root=entry_of(doc)
        )
        built = build(target)
        write_tree(built.files, out / package)
        files = len(built.files)
        result = "ok"
    except ClientgenError as exc:
        result = f"error: {exc}".replace(str(OPENAPI) + "/", "")
    except Exception as exc:  # a crash is a bug: report it, do not hide it
        result = f"CRASH {type(exc).__name__}: {exc}"
    return Row(label(doc), package, operations, schemas, result, time.perf_counter() - started, files)


def imports(out: Path, package: str) -> str:
    code = f"import sys; sys.path.insert(0, {str(out / package)!r}); import {package}, {package}.models, {package}.resources"
    result = subprocess.run([sys.executable, "-W", "error", "-c", code], capture_output=True, text=True, timeout=600)
    return "ok" if result.returncode == 0 else (result.stderr.strip().splitlines() or ["failed"])[-1][:120]


def run_mypy(out: Path, packages: list[str], strict: bool) -> dict[str, str]:
    args = [sys.executable, "-m", "mypy", "--cache-dir", str(out / ".mypy_cache"), "--no-error-summary"]  # shared cache: stubs once
    if strict:
        args.append("--strict")
    verdicts: dict[str, str] = {}
    for package in packages:  # one run per package: their names and paths are independent
        result = subprocess.run([*args, package], cwd=out / package, capture_output=True, text=True, timeout=1800)
        errors = [line for line in result.stdout.splitlines() if ": error:" in line]
        verdicts[package] = "ok" if result.returncode == 0 else f"{len(errors)} errors: {errors[0][:100] if errors else result.stderr[-100:]}"
    return verdicts


def other_generator(doc: Path, work: Path) -> tuple[str, float]:
    tool = shutil.which("openapi-python-client")
    if tool is None:
        return "not installed", 0.0
    target = work / "opc"
    shutil.rmtree(target, ignore_errors=True)
    started = time.perf_counter()
    result = subprocess.run(
        [tool, "generate", "--path", str(doc), "--output-path", str(target), "--overwrite"],
        capture_output=True, text=True, timeout=900,
    )
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        return "error: " + " ".join((result.stderr or result.stdout).split())[:80], elapsed
    warnings = len(re.findall(r"^Warning|WARNING", result.stdout + result.stderr, re.MULTILINE))
    return ("ok" if not warnings else f"ok, {warnings} warnings"), elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--mypy", action="store_true")
    parser.add_argument("--strict", action="store_true", help="also report mypy --strict")
    parser.add_argument("--keep", type=Path, help="write packages here instead of a temporary folder")
    options = parser.parse_args()
    documents = [d for d in openapi_documents() if options.only in str(d)]
    if not documents:
        sys.exit(f"no corpus documents under {OPENAPI}")
    out = options.keep or Path(tempfile.mkdtemp(prefix="corpus-"))
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    with ProcessPoolExecutor(max_workers=options.jobs) as pool:
        rows = list(pool.map(generate_one, [(i, str(d), str(out)) for i, d in enumerate(documents)]))
    generated = [r for r in rows if r.result == "ok"]
    with ProcessPoolExecutor(max_workers=options.jobs) as pool:
        imported = dict(zip([r.package for r in generated], pool.map(imports, [out] * len(generated), [r.package for r in generated])))
    typed = run_mypy(out, [r.package for r in generated], strict=False) if options.mypy else {}
    strict = run_mypy(out, [r.package for r in generated], strict=True) if options.strict else {}
    compare = shutil.which("openapi-python-client") is not None
    print("| spec | ops | schemas | result | time s | files | imports |" + (" mypy |" if typed else "") + (" strict |" if strict else "") + (" openapi-python-client | its time s |" if compare else ""))
    print("|---|---:|---:|---|---:|---:|---|" + ("---|" if typed else "") + ("---|" if strict else "") + ("---|---:|" if compare else ""))
    for row in rows:
        cells = [row.spec, str(row.operations), str(row.schemas), row.result.replace("|", "\\|")[:140], f"{row.seconds:.2f}", str(row.files), imported.get(row.package, "–")]
        if typed:
            cells.append(typed.get(row.package, "–"))
        if strict:
            cells.append(strict.get(row.package, "–"))
        if compare:
            verdict, seconds = other_generator(OPENAPI / row.spec, out)
            cells += [verdict, f"{seconds:.2f}"]
        print("| " + " | ".join(cells) + " |")
    ok = len(generated)
    errors = sum(r.result.startswith("error") for r in rows)
    crashes = sum(r.result.startswith("CRASH") for r in rows)
    print()
    print(f"{len(rows)} documents: {ok} generated, {errors} located errors, {crashes} crashes; "
          f"{sum(v == 'ok' for v in imported.values())}/{ok} import"
          + (f", {sum(v == 'ok' for v in typed.values())}/{ok} pass mypy" if typed else "")
          + (f", {sum(v == 'ok' for v in strict.values())}/{ok} pass mypy --strict" if strict else "")
          + f"; {time.perf_counter() - started:.0f} s in all ({options.jobs} jobs); packages in {out}")
    json.dump([row.__dict__ for row in rows], open(out / "report.json", "w"), indent=1)


if __name__ == "__main__":
    main()
