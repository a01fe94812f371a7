"""The clientgen command: exit codes, one-line errors, drift detection, atomic output."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from generator import cli, writer
from generator.render import templates

ROOT = Path(__file__).resolve().parents[2]
COMPUTE_SPEC = ROOT / "specs" / "compute" / "openapi.yaml"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli.main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A tiny repository: a config with one target and its spec."""
    (tmp_path / "specs").mkdir()
    shutil.copy(COMPUTE_SPEC, tmp_path / "specs" / "openapi.yaml")
    (tmp_path / "clientgen.yaml").write_text(
        "targets:\n"
        "  compute:\n"
        "    spec: specs/openapi.yaml\n"
        "    package: yandex_compute\n"
        "    client: Compute\n"
        "    output: out/yandex-compute\n",
        encoding="utf-8",
    )
    return tmp_path


def config_args(project: Path) -> list[str]:
    return ["--config", str(project / "clientgen.yaml")]


def test_generate_then_check_is_clean(project: Path) -> None:
    code, out, _ = run("generate", *config_args(project))
    assert code == 0, out
    assert (project / "out/yandex-compute/yandex_compute/py.typed").exists()
    code, out, _ = run("check", *config_args(project))
    assert code == 0
    assert "up to date" in out


def test_second_generate_writes_nothing(project: Path) -> None:
    run("generate", *config_args(project))
    before = {p: p.stat().st_mtime_ns for p in (project / "out").rglob("*") if p.is_file()}
    code, out, _ = run("generate", *config_args(project))
    assert code == 0 and "unchanged" in out
    assert {p: p.stat().st_mtime_ns for p in (project / "out").rglob("*") if p.is_file()} == before


def test_edited_spec_is_drift_with_a_diff(project: Path) -> None:
    run("generate", *config_args(project))
    spec = project / "specs" / "openapi.yaml"
    spec.write_text(spec.read_text(encoding="utf-8").replace("maxLength: 50", "maxLength: 64"), encoding="utf-8")
    code, out, err = run("check", *config_args(project))
    assert code == 1
    assert "-    image_id: Annotated[str, Field(min_length=1, max_length=50)]" in out
    assert "+    image_id: Annotated[str, Field(min_length=1, max_length=64)]" in out
    assert "out of date" in err


def test_hand_edited_output_is_drift(project: Path) -> None:
    run("generate", *config_args(project))
    client = project / "out/yandex-compute/yandex_compute/_client.py"
    client.write_text(client.read_text(encoding="utf-8") + "# hand edit\n", encoding="utf-8")
    code, out, _ = run("check", *config_args(project))
    assert code == 1
    assert "+# hand edit" not in out and "-# hand edit" in out


def test_edited_template_is_drift(project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run("generate", *config_args(project))
    edited = tmp_path / "templates"
    shutil.copytree(templates.templates_dir(), edited)
    template = edited / "package" / "_client.py.j2"
    template.write_text(template.read_text(encoding="utf-8").replace("A copy with other defaults", "A clone"), encoding="utf-8")
    monkeypatch.setattr(templates, "templates_dir", lambda: edited)
    code, out, _ = run("check", *config_args(project))
    assert code == 1
    assert "A clone" in out


def test_removed_operation_is_reported_as_api_change(project: Path) -> None:
    spec = project / "specs" / "openapi.yaml"
    original = spec.read_text(encoding="utf-8")
    renamed = original.replace("operationId: Image_ListOperations", "operationId: Image_ListImageOperations")
    assert renamed != original
    spec.write_text(renamed, encoding="utf-8")
    run("generate", *config_args(project))
    spec.write_text(original, encoding="utf-8")
    code, _, err = run("check", *config_args(project))
    assert code == 1
    assert "api: removed Images.list_image_operations" in err
    assert "api: added   Images.list_operations" in err


def test_bad_yaml_is_one_located_line_and_exit_2(project: Path) -> None:
    spec = project / "specs" / "openapi.yaml"
    spec.write_text("openapi: 3.0.3\ninfo: [unclosed\n", encoding="utf-8")
    code, out, err = run("generate", *config_args(project))
    assert code == 2
    assert err.count("\n") == 1, err
    assert err.startswith("clientgen: error: ") and f"{spec}:" in err
    assert "Traceback" not in err
    assert not (project / "out").exists(), "nothing may be written for bad input"


def test_dangling_ref_names_file_line_and_pointer(project: Path) -> None:
    spec = project / "specs" / "openapi.yaml"
    text = spec.read_text(encoding="utf-8")
    text = text.replace("'#/components/schemas/Status'", "'#/components/schemas/Missing'", 1)
    assert "Missing" in text
    spec.write_text(text, encoding="utf-8")
    code, _, err = run("generate", *config_args(project))
    assert code == 2
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "Missing" in row)
    assert f"{spec}:{line}" in err
    assert "#/paths/~1compute~1v1~1images~1{imageId}~1operations/get/responses/default" in err
    assert err.count("\n") == 1


def test_unknown_target_and_bad_config_exit_2(project: Path) -> None:
    code, _, err = run("generate", *config_args(project), "nope")
    assert code == 2 and "no target named 'nope'" in err
    (project / "clientgen.yaml").write_text("targets:\n  x:\n    spec: a.yaml\n    package: Not-Valid\n    output: o\n", encoding="utf-8")
    code, _, err = run("generate", *config_args(project))
    assert code == 2 and "clientgen.yaml:4" in err and "not a valid module name" in err


def test_missing_config_is_a_usage_error(tmp_path: Path) -> None:
    code, _, err = run("generate", "--config", str(tmp_path / "nope.yaml"))
    assert code == 2 and "not found" in err


def test_one_off_generation_without_config(tmp_path: Path) -> None:
    code, _, _ = run("generate", "--spec", str(COMPUTE_SPEC), "--package", "compute_one", "--output", str(tmp_path / "proj"))
    assert code == 0
    assert (tmp_path / "proj/compute_one/__init__.py").exists()
    code, _, _ = run("check", "--spec", str(COMPUTE_SPEC), "--package", "compute_one", "--output", str(tmp_path / "proj"))
    assert code == 0


def test_interrupted_run_leaves_previous_output(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run("generate", *config_args(project))
    output = project / "out" / "yandex-compute"
    before = {p.relative_to(output): p.read_bytes() for p in output.rglob("*") if p.is_file()}
    spec = project / "specs" / "openapi.yaml"
    spec.write_text(spec.read_text(encoding="utf-8").replace("maxLength: 50", "maxLength: 64"), encoding="utf-8")

    def interrupted(staging: Path, target: Path) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(writer, "_swap", interrupted)
    code, _, err = run("generate", *config_args(project))
    assert code == 130 and "interrupted" in err
    after = {p.relative_to(output): p.read_bytes() for p in output.rglob("*") if p.is_file()}
    assert after == before
    assert sorted(p.name for p in (project / "out").iterdir()) == ["yandex-compute"], "staging dir left behind"


def test_hand_made_files_survive_and_stale_files_go(project: Path) -> None:
    run("generate", *config_args(project))
    output = project / "out" / "yandex-compute"
    (output / "NOTES.md").write_text("mine\n", encoding="utf-8")
    spec = project / "specs" / "openapi.yaml"
    document = yaml.safe_load(spec.read_text(encoding="utf-8"))
    document["paths"]["/compute/v1/images/{imageId}/operations"]["get"]["tags"] = ["Picture"]
    spec.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    run("generate", *config_args(project))
    assert (output / "NOTES.md").read_text(encoding="utf-8") == "mine\n"
    assert (output / "yandex_compute/resources/pictures.py").exists()
    assert not (output / "yandex_compute/resources/images.py").exists()


def test_debug_shows_the_traceback_and_quiet_hides_progress(project: Path) -> None:
    (project / "specs" / "openapi.yaml").write_text("openapi: [", encoding="utf-8")
    with pytest.raises(Exception):
        CliRunner().invoke(cli.main, ["--debug", "generate", *config_args(project)], catch_exceptions=False)
    (project / "specs" / "openapi.yaml").write_text(COMPUTE_SPEC.read_text(encoding="utf-8"), encoding="utf-8")
    code, out, _ = run("--quiet", "generate", *config_args(project))
    assert code == 0 and out == ""


def test_console_script_reports_without_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("swagger: '1.2'\n", encoding="utf-8")
    script = Path(sys.executable).parent / "clientgen"
    result = subprocess.run(
        [str(script), "generate", "--spec", str(bad), "--package", "p", "--output", str(tmp_path / "o")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("clientgen: error:") and "Traceback" not in result.stderr


DOCS = ROOT / "specs" / "compute" / "docs"


def test_import_docs_writes_the_committed_spec(tmp_path: Path) -> None:
    out = tmp_path / "spec.yaml"
    code, stdout, _ = run("import-docs", str(DOCS), "--output", str(out))
    assert code == 0
    assert "2 pages, 1 operations" in stdout
    assert out.read_text(encoding="utf-8") == COMPUTE_SPEC.read_text(encoding="utf-8")


def test_import_docs_bad_variable_and_bad_page_exit_2(tmp_path: Path) -> None:
    code, _, err = run("import-docs", str(DOCS), "--output", str(tmp_path / "s.yaml"), "--var", "novalue")
    assert code == 2 and "NAME=VALUE" in err
    page = tmp_path / "page.md"
    page.write_text("# API, REST: X.Get\n\n## HTTP request\n\n```\nGET https://{{ unknown-var }}/v1/x\n```\n", encoding="utf-8")
    code, _, err = run("import-docs", str(page), "--output", str(tmp_path / "s.yaml"))
    assert code == 2 and f"{page}:" in err and err.count("\n") == 1
    assert not (tmp_path / "s.yaml").exists()


@pytest.fixture
def docs_project(tmp_path: Path) -> Path:
    shutil.copytree(DOCS, tmp_path / "docs")
    (tmp_path / "clientgen.yaml").write_text(
        "targets:\n"
        "  compute:\n"
        "    docs: [docs]\n"
        "    spec: openapi.yaml\n"
        "    package: yandex_compute\n"
        "    output: out\n",
        encoding="utf-8",
    )
    return tmp_path


def test_docs_target_imports_then_generates(docs_project: Path) -> None:
    code, out, _ = run("generate", *config_args(docs_project))
    assert code == 0 and "imported" in out
    assert (docs_project / "openapi.yaml").read_text(encoding="utf-8") == COMPUTE_SPEC.read_text(encoding="utf-8")
    assert run("check", *config_args(docs_project))[0] == 0


def test_docs_target_check_fails_when_the_spec_differs_from_a_fresh_import(docs_project: Path) -> None:
    run("generate", *config_args(docs_project))
    page = docs_project / "docs" / "Image.ListOperations.md"
    page.write_text(page.read_text(encoding="utf-8").replace("less than or equal to 50", "less than or equal to 60"), encoding="utf-8")
    code, out, err = run("check", *config_args(docs_project))
    assert code == 1
    assert "-          maxLength: 50" in out and "+          maxLength: 60" in out
    assert "differs from a fresh import" in err


def test_remote_refs_are_fetched_only_with_the_flag(tmp_path: Path) -> None:
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    served: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            served.append(self.path)
            body = b"type: object\nproperties:\n  name:\n    type: string\n"
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        spec = tmp_path / "spec.yaml"
        spec.write_text(
            "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /pets:\n    get:\n      responses:\n"
            "        '200':\n          description: ok\n          content:\n            application/json:\n"
            f"              schema: {{$ref: 'http://127.0.0.1:{server.server_port}/pet.yaml'}}\n",
            encoding="utf-8",
        )
        args = ["generate", "--spec", str(spec), "--package", "remote_api", "--output", str(tmp_path / "out")]
        code, _, err = run(*args)
        assert code == 2 and "remote" in err and served == []
        code, _, _ = run(*args, "--allow-remote-refs")
        assert code == 0 and served == ["/pet.yaml"]
        assert "class Pet" in (tmp_path / "out/remote_api/models.py").read_text(encoding="utf-8")
    finally:
        server.shutdown()
        server.server_close()


def test_target_overlay_fixes_what_the_docs_get_wrong(docs_project: Path) -> None:
    (docs_project / "fixes.yaml").write_text(
        "overlay: 1.0.0\n"
        "info: {title: compute fixes, version: '1'}\n"
        "actions:\n"
        "  - target: $.paths['/compute/v1/images/{imageId}/operations'].get.parameters[?(@.name == 'pageSize')].schema\n"
        "    update: {maximum: 500}\n",
        encoding="utf-8",
    )
    config = docs_project / "clientgen.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "    overlay: fixes.yaml\n", encoding="utf-8")
    code, _, err = run("generate", *config_args(docs_project))
    assert code == 0, err
    params = (docs_project / "out/yandex_compute/_params.py").read_text(encoding="utf-8")
    assert "Field(le=500)" in params and "le=1000" not in params
    assert "maximum: 1000" in (docs_project / "openapi.yaml").read_text(encoding="utf-8"), "the import stays as the docs say"
    assert run("check", *config_args(docs_project))[0] == 0
