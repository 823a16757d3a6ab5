"""graphkit analyze --store DIR [--article IRI] [--outlet X] [--entity X] [--since D] [--until D]
[--cross-article/--no-cross-article] [--threshold COSINE] --format table|json"""
from __future__ import annotations

import json

import click

from graphkit.cli.options import fail, store_option


def filter_options(f):
    """--article/--outlet/--entity/--since/--until, shared with viz and chains."""
    for opt in reversed([
        click.option("--article", "article", metavar="IRI", default=None,
                      help="Only this article (its IRI)."),
        click.option("--outlet", "outlet", metavar="NAME|IRI", default=None,
                     help="Only articles published by this outlet."),
        click.option("--entity", "entity", metavar="NAME|IRI", default=None,
                     help="Only articles that mention this entity."),
        click.option("--since", "since", metavar="DATE", default=None,
                     help="Only articles published on or after this ISO date."),
        click.option("--until", "until", metavar="DATE", default=None,
                     help="Only articles published on or before this ISO date."),
    ]):
        f = opt(f)
    return f


def open_for_reading(store: str):
    """Open an existing store (a missing directory is an error, not a new
    empty store)."""
    from pathlib import Path

    from graphkit.rdf.store import StoreError, open_store

    if store != "memory" and not Path(store).is_dir():
        raise StoreError(f"no store at {store}")
    return open_store(store)


@click.command("analyze")
@store_option
@filter_options
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--top", default=10, show_default=True, help="How many most-cited sources to list.")
@click.option("--cross-article/--no-cross-article", "cross_article", default=None,
              help="Link the same claim across articles and outlets "
                   "[default: on when more than one article is selected].")
@click.option("--threshold", type=click.FloatRange(-1.0, 1.0), default=None, metavar="COSINE",
              help="Similarity needed to link claims across articles [default: 0.6 with the "
                   "sentence encoder, 0.5 without].")
def command(store: str, article, outlet, entity, since, until, fmt: str, top: int,
            cross_article, threshold) -> None:
    """Citation-chain analysis: origin and independent sources of each claim,
    contested claims (who asserts, who denies), single-source and
    anonymous-only claims, the same claim across articles and outlets,
    circular reporting, outlet dependency and the
    most-cited sources."""
    from graphkit.analyze import ProjectionError, analyze
    from graphkit.rdf.store import StoreError

    try:
        st = open_for_reading(store)
    except StoreError as exc:
        fail(str(exc))
    try:
        report = analyze(st, article=article, outlet=outlet, entity=entity, since=since, until=until,
                         top=top, cross_article=cross_article, threshold=threshold)
    except ProjectionError as exc:
        fail(str(exc), code=2)
    finally:
        st.close()
    if fmt == "json":
        click.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=1))
    else:
        click.echo(report.to_table())
