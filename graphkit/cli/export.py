"""graphkit export --store DIR --format turtle|trig|nquads|jsonld|gexf|graphml [-o FILE]"""
from __future__ import annotations

import click

from graphkit.cli.options import fail, store_option
from graphkit.export import FORMATS, ExportError, export
from graphkit.rdf.store import StoreError


@click.command("export")
@store_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="trig", show_default=True)
@click.option("-o", "--output", "output", type=click.Path(dir_okay=False), default=None,
              help="Write to this file instead of standard output.")
def command(store: str, fmt: str, output: str | None) -> None:
    """Export the whole store (one named graph per article), or its graph
    projection as GEXF / GraphML for Gephi."""
    try:
        text = export(store, fmt, output)
    except (ExportError, StoreError) as exc:
        fail(str(exc))
    if output is None:
        click.echo(text, nl=False)
    else:
        click.echo(f"wrote {output}", err=True)
