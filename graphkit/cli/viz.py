"""graphkit viz --store DIR -o graph.html [--focus ENTITY --depth N] [--claim ID]"""
from __future__ import annotations

import click

from graphkit.cli.analyze import filter_options, open_for_reading
from graphkit.cli.options import fail, store_option


@click.command("viz")
@store_option
@click.option("-o", "--output", "output", type=click.Path(dir_okay=False), default="graph.html",
              show_default=True, help="HTML file to write.")
@click.option("--focus", metavar="ENTITY", default=None,
              help="Only the neighbourhood of this entity (name or IRI).")
@click.option("--depth", default=2, show_default=True, type=click.IntRange(0, 20),
              help="Radius of the --focus neighbourhood (edges in either direction).")
@click.option("--claim", metavar="ID", default=None,
              help="Only this claim (IRI, its local id, or words of its text): sources, "
                   "statements and chains.")
@click.option("--physics/--no-physics", default=None,
              help="Let the browser move nodes (default: only for small graphs).")
@click.option("--title", default="graphkit", show_default=True, help="Page title.")
@filter_options
def command(store: str, output: str, focus, depth: int, claim, physics, title: str,
            article, outlet, entity, since, until) -> None:
    """Write an interactive HTML graph (works offline, from a file)."""
    from graphkit.analyze import ProjectionError
    from graphkit.rdf.store import StoreError
    from graphkit.viz import VizError, viz

    try:
        st = open_for_reading(store)
    except StoreError as exc:
        fail(str(exc))
    try:
        path = viz(st, output, focus=focus, depth=depth, claim=claim, physics=physics, title=title,
                   article=article, outlet=outlet, entity=entity, since=since, until=until)
    except (VizError, ProjectionError) as exc:
        fail(str(exc), code=2)
    finally:
        st.close()
    click.echo(f"wrote {path}", err=True)
