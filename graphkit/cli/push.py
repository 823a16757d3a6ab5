"""graphkit push --store DIR --endpoint URL [--batch N]"""
from __future__ import annotations

import os
import sys
from typing import Optional

import click

from graphkit.cli.options import fail, store_option


@click.command("push")
@store_option
@click.option("--endpoint", required=True, metavar="URL",
              help="The server's Graph Store endpoint, e.g. http://localhost:7878/store (Oxigraph), "
                   "http://localhost:3030/DATASET/data (Fuseki).")
@click.option("--batch", default=50_000, show_default=True, type=click.IntRange(min=1),
              help="At most N triples per HTTP request (a bigger graph is sent as PUT + POSTs).")
@click.option("--user", default=None, metavar="USER",
              help="HTTP basic-auth user; the password is read from GRAPHKIT_PUSH_PASSWORD.")
@click.option("--timeout", default=120.0, show_default=True, type=click.FloatRange(min=1),
              help="Seconds to wait for each request.")
def command(store: str, endpoint: str, batch: int, user: Optional[str], timeout: float) -> None:
    """Send every article graph and the provenance (default graph) of the store
    to a SPARQL 1.1 server through the Graph Store HTTP Protocol.  Each named
    graph is PUT (replaced), so pushing again is idempotent."""
    from graphkit.push import PushError, push
    from graphkit.rdf.store import StoreError

    auth = f"{user}:{os.environ.get('GRAPHKIT_PUSH_PASSWORD', '')}" if user else None
    show = sys.stderr.isatty()
    count = {"n": 0}

    def progress(graph: str, triples: int) -> None:
        count["n"] += 1
        if show:
            click.echo(f"\r{count['n']} graphs sent (last: {triples} triples)", err=True, nl=False)

    try:
        report = push(store, endpoint, batch=batch, progress=progress, auth=auth, timeout=timeout)
    except (PushError, StoreError) as exc:
        if show and count["n"]:
            click.echo("", err=True)
        fail(str(exc))
    if show:
        click.echo("", err=True)
    click.echo(f"pushed {report.graphs} graphs and the default graph: {report.triples} triples "
               f"in {report.requests} requests to {endpoint}")
