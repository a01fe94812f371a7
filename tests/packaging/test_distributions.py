"""Both distributions build: clientgen's wheel carries its templates and works outside
this repository; the generated project builds a typed wheel pip accepts."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def wheel(project: Path, into: Path) -> Path:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", str(into), str(project)],
        check=True, capture_output=True, text=True, timeout=600,
    )
    (built,) = into.glob("*.whl")
    return built


def test_clientgen_wheel_ships_templates_and_generates_outside_the_repo(tmp_path: Path) -> None:
    built = wheel(ROOT, tmp_path / "dist")
    names = zipfile.ZipFile(built).namelist()
    assert "generator/templates/package/resource.py.j2" in names
    assert "generator/templates/runtime/_transport.py.j2" in names
    unpacked = tmp_path / "site"
    zipfile.ZipFile(built).extractall(unpacked)
    script = (
        "import sys\n"
        f"sys.path.insert(0, {str(unpacked)!r})\n"
        "import generator.render.templates as t\n"
        f"assert t.templates_dir() == t.PACKAGE_TEMPLATES and str(t.PACKAGE_TEMPLATES).startswith({str(unpacked)!r})\n"
        "from generator.cli import main\n"
        f"main(['generate', '--spec', {str(ROOT / 'specs/compute/openapi.yaml')!r}, '--package', 'yc', '--output', 'out'])\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert (tmp_path / "out/yc/resources/images.py").is_file()


def test_generated_project_builds_a_typed_wheel(tmp_path: Path) -> None:
    built = wheel(ROOT / "generated" / "yandex-compute", tmp_path)
    assert built.name.startswith("yandex_compute-1-")
    names = set(zipfile.ZipFile(built).namelist())
    assert {"yandex_compute/py.typed", "yandex_compute/resources/images.py", "yandex_compute/models.py"} <= names
