"""The ``clientgen`` command: the only module that talks to the user.

Exit codes: 0 success (``check``: no drift), 1 drift, 2 bad input or usage, 3 internal
error. Bad input is one line naming the file, line and JSON pointer; a traceback only
with ``--debug``.
"""

from __future__ import annotations

import dataclasses
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn, TypeVar

import click

from generator import __version__
from generator.config import DEFAULT_CONFIG, TargetConfig, load_config, select
from generator.diff import compare
from generator.errors import ClientgenError, Diagnostic, Location
from generator.docs import dump_spec, import_docs
from generator.pipeline import Built, Imported, build, import_target_docs
from generator.writer import MANIFEST, read_manifest, read_tree, with_manifest, write_file, write_tree

EXIT_DRIFT = 1
EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 3
MAX_PRINTED_WARNINGS = 20

ResultT = TypeVar("ResultT")


class Settings:
    def __init__(self, debug: bool, quiet: bool) -> None:
        self.debug = debug
        self.quiet = quiet

    def say(self, message: str) -> None:
        if not self.quiet:
            click.echo(message)

    def warn(self, warnings: Sequence[Diagnostic]) -> None:
        if self.quiet:
            return
        for warning in warnings[:MAX_PRINTED_WARNINGS]:
            click.echo(f"clientgen: {warning}", err=True)
        if len(warnings) > MAX_PRINTED_WARNINGS:
            click.echo(f"clientgen: … and {len(warnings) - MAX_PRINTED_WARNINGS} more warnings", err=True)


def _fail(message: str, code: int) -> NoReturn:
    click.echo(f"clientgen: error: {message}", err=True)
    sys.exit(code)


def guarded(settings: Settings, action: Callable[[], ResultT]) -> ResultT:
    """Run ``action``; turn our errors into one line and exit 2, anything else into exit 3."""
    try:
        return action()
    except ClientgenError as exc:
        if settings.debug:
            raise
        _fail(str(exc), EXIT_BAD_INPUT)
    except KeyboardInterrupt:
        if settings.debug:
            raise
        _fail("interrupted; the previous output was left as it was", 130)
    except RecursionError:
        if settings.debug:
            raise
        _fail("input nested too deeply", EXIT_BAD_INPUT)
    except Exception as exc:  # a bug in clientgen: still one line unless --debug
        if settings.debug:
            raise
        _fail(f"internal error: {type(exc).__name__}: {exc} (run with --debug for the traceback)", EXIT_INTERNAL)


def _targets(
    config: Path,
    names: tuple[str, ...],
    spec: Path | None,
    package: str | None,
    output: Path | None,
    client: str | None,
    ref_root: Path | None = None,
    allow_remote_refs: bool = False,
) -> tuple[TargetConfig, ...]:
    one_off = (spec, package, output)
    if any(value is not None for value in one_off):
        if not all(value is not None for value in one_off):
            raise ClientgenError("--spec, --package and --output go together")
        if names:
            raise ClientgenError("give target names or --spec/--package/--output, not both")
        assert spec is not None and package is not None and output is not None
        return (
            TargetConfig(
                name=package,
                spec=spec,
                package=package,
                output=output,
                client=client or "",
                spec_label=spec.name,
                ref_root=ref_root,
                allow_remote_refs=allow_remote_refs,
            ),
        )
    if not config.exists():
        raise ClientgenError("not found; pass --config or --spec/--package/--output", Location(file=str(config)))
    targets = select(load_config(config), names, config)
    if allow_remote_refs:
        targets = tuple(dataclasses.replace(target, allow_remote_refs=True) for target in targets)
    return targets


def _target_options(func: Callable[..., None]) -> Callable[..., None]:
    decorators = [
        click.argument("names", nargs=-1),
        click.option("--config", "config", type=click.Path(path_type=Path), default=DEFAULT_CONFIG, show_default=True, help="Targets file."),
        click.option("--spec", type=click.Path(path_type=Path), help="One-off: the OpenAPI document."),
        click.option("--package", help="One-off: the importable package name."),
        click.option("--output", type=click.Path(path_type=Path), help="One-off: the generated project folder."),
        click.option("--client", help="One-off: the client class name stem."),
        click.option("--ref-root", type=click.Path(path_type=Path), help="One-off: folder relative $refs may reach (default: the spec's)."),
        click.option("--strict", is_flag=True, help="Treat spec warnings as errors."),
        click.option("--allow-remote-refs", is_flag=True, help="Fetch http(s) $refs (never done silently)."),
    ]
    for decorator in reversed(decorators):
        func = decorator(func)
    return func


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="clientgen")
@click.option("--debug", is_flag=True, help="Show tracebacks.")
@click.option("--quiet", "-q", is_flag=True, help="Print errors only.")
@click.pass_context
def main(ctx: click.Context, debug: bool, quiet: bool) -> None:
    """Generate typed Python clients from API documentation and OpenAPI documents."""
    ctx.obj = Settings(debug, quiet)


@main.command()
@_target_options
@click.pass_obj
def generate(settings: Settings, names: tuple[str, ...], config: Path, spec: Path | None, package: str | None, output: Path | None, client: str | None, ref_root: Path | None, strict: bool, allow_remote_refs: bool) -> None:
    """Generate every target in clientgen.yaml (or the named ones)."""
    targets = guarded(settings, lambda: _targets(config, names, spec, package, output, client, ref_root, allow_remote_refs))
    for target in targets:
        started = time.perf_counter()
        imported = guarded(settings, lambda: import_target_docs(target, strict=strict))
        if imported is not None:
            settings.warn(imported.warnings)
            if guarded(settings, lambda: write_file(target.spec, imported.text)):
                settings.say(f"{target.name}: imported {len(target.docs)} doc path(s) into {target.spec}")
        built: Built = guarded(settings, lambda: build(target, strict=strict))
        settings.warn(built.warnings)
        changed = guarded(settings, lambda: write_tree(built.files, target.output))
        elapsed = time.perf_counter() - started
        state = "written" if changed else "unchanged"
        settings.say(f"{target.name}: {len(built.files)} files {state} in {target.output} ({elapsed:.2f} s)")


@main.command()
@_target_options
@click.pass_obj
def check(settings: Settings, names: tuple[str, ...], config: Path, spec: Path | None, package: str | None, output: Path | None, client: str | None, ref_root: Path | None, strict: bool, allow_remote_refs: bool) -> None:
    """Exit 1 with a diff when generated code differs from what the inputs produce."""
    targets = guarded(settings, lambda: _targets(config, names, spec, package, output, client, ref_root, allow_remote_refs))
    drifted = False
    for target in targets:
        imported: Imported | None = guarded(settings, lambda: import_target_docs(target, strict=strict))
        if imported is not None:
            settings.warn(imported.warnings)
            committed = target.spec.read_text(encoding="utf-8") if target.spec.is_file() else ""
            spec_drift = compare({target.spec.name: imported.text}, {target.spec.name: committed} if committed else {}, str(target.spec.parent))
            if not spec_drift.clean:
                drifted = True
                click.echo(spec_drift.diff, nl=False)
                click.echo(f"{target.name}: {target.spec} differs from a fresh import of its docs", err=True)
        built: Built = guarded(settings, lambda: build(target, strict=strict))
        settings.warn(built.warnings)
        expected = with_manifest(built.files)
        on_disk = read_tree(target.output, read_manifest(target.output) | set(expected) | {MANIFEST})
        drift = compare(expected, on_disk, str(target.output))
        if drift.clean:
            settings.say(f"{target.name}: up to date")
            continue
        drifted = True
        click.echo(drift.diff, nl=False)
        click.echo(
            f"{target.name}: {target.output} is out of date: {len(drift.changed)} changed, "
            f"{len(drift.added)} missing, {len(drift.removed)} stale; run `clientgen generate {target.name}`",
            err=True,
        )
        for line in drift.api_changes:
            click.echo(f"  api: {line}", err=True)
    if drifted:
        sys.exit(EXIT_DRIFT)


@main.command("import-docs")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--output", "-o", type=click.Path(path_type=Path), required=True, help="The OpenAPI YAML to write.")
@click.option("--var", "variables", multiple=True, metavar="NAME=VALUE", help="A {{ NAME }} page variable (default api-host=api.cloud.yandex.net).")
@click.option("--strict", is_flag=True, help="Treat constructs the importer does not understand as errors.")
@click.pass_obj
def import_docs_command(settings: Settings, paths: tuple[Path, ...], output: Path, variables: tuple[str, ...], strict: bool) -> None:
    """Import Yandex Cloud REST reference pages (files or folders) into one OpenAPI 3.0.3 spec."""
    table: dict[str, str] = {}
    for item in variables:
        name, sep, value = item.partition("=")
        if not sep or not name:
            _fail(f"--var expects NAME=VALUE, got {item!r}", EXIT_BAD_INPUT)
        table[name.strip()] = value.strip()
    started = time.perf_counter()
    result = guarded(settings, lambda: import_docs(list(paths), variables=table or None, strict=strict))
    settings.warn(result.warnings)
    guarded(settings, lambda: write_file(output, dump_spec(result.spec)))
    elapsed = time.perf_counter() - started
    settings.say(
        f"{output}: {result.pages} pages, {result.operations} operations, {result.schemas} schemas, "
        f"{len(result.warnings)} warnings ({elapsed:.2f} s)"
    )


if __name__ == "__main__":  # pragma: no cover
    main()
