"""graphkit ingest PATH... --store DIR"""
from __future__ import annotations

import json
import sys

import click

from graphkit.cli.options import fail, store_option
from graphkit.pipeline import ingest
from graphkit.rdf.store import StoreError


class _Progress:
    """A one-line counter on stderr when it is a terminal."""

    def __init__(self) -> None:
        self.n = 0
        self.tty = sys.stderr.isatty()

    def __call__(self, source: str) -> None:
        self.n += 1
        if self.tty:
            click.echo(f"\r\x1b[K[{self.n}] {source[-70:]}", err=True, nl=False)

    def done(self) -> None:
        if self.tty and self.n:
            click.echo("\r\x1b[K", err=True, nl=False)


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@store_option
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
def command(paths: tuple[str, ...], store: str, as_json: bool) -> None:
    """Read articles (.txt, .html, .jsonl/.json, directories, '-' for stdin),
    extract attributions and store one named graph per article.

    Unreadable files are reported and skipped; exit status 1 if anything
    failed. Re-ingesting unchanged articles changes nothing.
    """
    progress = _Progress()
    try:
        report = ingest(paths, store=store, progress=progress)
    except StoreError as exc:
        fail(str(exc))
    progress.done()
    if as_json:
        click.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=1))
    else:
        click.echo(
            f"articles ingested: {report.ingested}, unchanged: {report.unchanged}, "
            f"attributions: {report.attributions}, triples in store: {report.triples}, "
            f"failures: {len(report.failures)}"
        )
        for f in report.failures:
            click.echo(f"  failed: {f.source}: {f.reason}", err=True)
    sys.exit(1 if report.failures else 0)
