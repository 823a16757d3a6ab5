"""graphkit serve --store DIR [--host 127.0.0.1] [--port N] [--timeout S]"""
from __future__ import annotations

import click

from graphkit.cli.options import fail, store_option


@click.command("serve")
@store_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (loopback by default; 0.0.0.0 exposes it to the network).")
@click.option("--port", default=7878, show_default=True, type=click.IntRange(0, 65535),
              help="TCP port (0 = any free port).")
@click.option("--timeout", default=30.0, show_default=True, type=click.FloatRange(min=0.1),
              help="Seconds a query may run before it is stopped (answer 503).")
def command(store: str, host: str, port: int, timeout: float) -> None:
    """Serve the store as a read-only SPARQL 1.1 endpoint (GET/POST ?query=,
    results as JSON, XML, CSV or TSV by the Accept header; updates refused).
    graphkit's prefixes are predeclared and the default graph is the union of
    all article graphs.  Stop with Ctrl-C."""
    from graphkit.rdf.store import StoreError
    from graphkit.serve import ServeError, serve

    def ready(url: str) -> None:
        click.echo(f"SPARQL endpoint (read-only): {url}", err=False)
        import sys

        sys.stdout.flush()

    try:
        serve(store, host=host, port=port, timeout=timeout, ready=ready)
    except (ServeError, StoreError) as exc:
        fail(str(exc))
