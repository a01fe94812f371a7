"""Golden trees: every case's generated project, compared byte for byte.

Each case folder has ``case.yaml`` (the spec, package and where the expected tree is)
and usually its own ``spec.yaml``. ``pytest --update-golden`` rewrites the expected
trees through the same writer the CLI uses; a reviewer reads that diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.config import TargetConfig
from generator.pipeline import build
from generator.writer import MANIFEST, read_manifest, read_tree, with_manifest, write_tree

HERE = Path(__file__).resolve().parent
CASES = sorted(p.parent.name for p in HERE.glob("*/case.yaml"))


def _target(case: str) -> TargetConfig:
    folder = HERE / case
    settings = yaml.safe_load((folder / "case.yaml").read_text(encoding="utf-8"))
    spec = settings.get("spec", "spec.yaml")
    return TargetConfig(
        name=case,
        spec=(folder / spec).resolve(),
        package=settings["package"],
        output=(folder / settings.get("expected", "expected")).resolve(),
        client=settings.get("client", ""),
        distribution=settings.get("distribution", ""),
        spec_label=settings.get("label", spec),
    )


def test_there_are_cases() -> None:
    assert {"compute", "enums-nested", "bodies", "polymorphic"} <= set(CASES)


@pytest.mark.parametrize("case", CASES)
def test_golden(case: str, update_golden: bool) -> None:
    target = _target(case)
    generated = with_manifest(build(target).files)
    if update_golden:
        write_tree(build(target).files, target.output)
    on_disk = read_tree(target.output, read_manifest(target.output) | set(generated) | {MANIFEST})
    missing = sorted(set(generated) - set(on_disk))
    stale = sorted(set(on_disk) - set(generated))
    changed = sorted(name for name in generated.keys() & on_disk.keys() if generated[name] != on_disk[name])
    assert not (missing or stale or changed), (
        f"golden tree {target.output} differs: missing {missing}, stale {stale}, changed {changed}; "
        "if the change is intended run `pytest tests/golden --update-golden` and commit the diff with a reason"
    )


@pytest.mark.parametrize("case", CASES)
def test_generation_is_deterministic(case: str) -> None:
    target = _target(case)
    assert build(target).files == build(target).files
