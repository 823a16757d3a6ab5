"""graphkit demo"""
from __future__ import annotations

import sys

import click

from graphkit.demo import demo


@click.command("demo")
@click.option("--data", "data_dir", type=click.Path(exists=True, file_okay=False), default=None,
              help="Articles to ingest (default: the bundled data/).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False), default="out", show_default=True,
              help="Where the store and the outputs go.")
def command(data_dir: str | None, out_dir: str) -> None:
    """Ingest the bundled articles and write the graph, chains, analysis and
    interactive HTML under out/."""
    r = demo(data_dir, out_dir)
    rep = r.ingest
    click.echo(f"articles ingested: {rep.ingested} (unchanged: {rep.unchanged}), "
               f"attributions: {rep.attributions}, triples: {rep.triples}, failures: {len(rep.failures)}")
    for f in rep.failures:
        click.echo(f"  failed: {f.source}: {f.reason}", err=True)
    for line in r.lines[:20]:
        click.echo("  " + line)
    for name, path in r.outputs.items():
        click.echo(f"{name:>9}: {path}")
    sys.exit(1 if rep.failures else 0)
