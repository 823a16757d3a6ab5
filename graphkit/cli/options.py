"""Options shared by several sub-commands."""
from __future__ import annotations

import os

import click

DEFAULT_STORE = os.environ.get("GRAPHKIT_STORE", "graphkit-store")

store_option = click.option(
    "--store", "store", default=DEFAULT_STORE, show_default=True, metavar="DIR|memory",
    help="Store directory (embedded Oxigraph, created if missing) or 'memory' "
         "(rdflib in-memory, gone when the command ends). Env: GRAPHKIT_STORE.",
)


def fail(message: str, code: int = 1) -> None:
    """Print a one-line error to stderr and exit with ``code``."""
    click.echo(f"error: {message}", err=True)
    raise SystemExit(code)
