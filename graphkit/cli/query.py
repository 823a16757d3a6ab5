"""graphkit query SPARQL_OR_FILE --store DIR --format table|csv|json"""
from __future__ import annotations

import click

from graphkit.cli.options import fail, store_option
from graphkit.query import QueryError, query
from graphkit.rdf.store import StoreError


@click.command("query")
@click.argument("sparql", metavar="SPARQL_OR_FILE")
@store_option
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
              show_default=True, help="json = W3C SPARQL 1.1 Query Results JSON.")
def command(sparql: str, store: str, fmt: str) -> None:
    """Run a SPARQL query (text or file) over the store. Common prefixes
    (schema, gk, prov, nif, fact, skos, org, xsd) are predeclared; the default
    graph is the union of all article graphs."""
    try:
        result = query(sparql, store=store)
    except QueryError as exc:
        fail(str(exc), code=2)
    except StoreError as exc:
        fail(str(exc))
    click.echo(result.format(fmt), nl=fmt != "csv")
