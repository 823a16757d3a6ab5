"""graphkit chains --store DIR [--article IRI] --format table|json"""
from __future__ import annotations

import json

import click

from graphkit.cli.analyze import filter_options, open_for_reading
from graphkit.cli.options import fail, store_option


def _span(s) -> str:
    return f"{s['start']}-{s['end']}" if s else "-"


@click.command("chains")
@store_option
@filter_options
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def command(store: str, article, outlet, entity, since, until, fmt: str) -> None:
    """Print each attribution's chain, from the article's outlet through the
    outlets it relays to the original source.  json: a list of objects with
    article, path (labels, outlet first) and attribution (source / cue /
    content spans with offsets)."""
    from graphkit.analyze import ProjectionError, chains, project
    from graphkit.rdf.store import StoreError

    try:
        st = open_for_reading(store)
    except StoreError as exc:
        fail(str(exc))
    try:
        G = project(st, article=article, outlet=outlet, entity=entity, since=since, until=until)
    except ProjectionError as exc:
        fail(str(exc), code=2)
    finally:
        st.close()
    found = chains(G)
    if fmt == "json":
        click.echo(json.dumps([c.as_dict() for c in found], ensure_ascii=False, indent=1))
        return
    if not found:
        click.echo("no attributions")
        return
    current = None
    for c in found:
        if c.article != current:
            current = c.article
            d = G.nodes[c.article]
            click.echo(f"{d.get('headline') or c.article}  <{c.article}>")
        a = c.attribution
        flags = c.polarity + ("" if c.certainty == "certain" else f", {c.certainty}") + (", quote" if c.direct else "")
        click.echo(f"  {' -> '.join(c.path)}  [{flags}]  source {_span(a.get('source'))} "
                   f"cue {_span(a.get('cue'))} content "
                   f"{', '.join(_span(s) for s in a.get('content') or []) or '-'}")
