"""graphkit query [SPARQL_OR_FILE | --name NAME --param k=v ... | --list] --store DIR --format table|csv|json"""
from __future__ import annotations

from typing import Optional

import click

from graphkit.cli.options import fail, store_option
from graphkit.query import QueryError, query
from graphkit.rdf.store import StoreError


def _listing() -> str:
    from graphkit.query.named import catalog

    lines = []
    for q in catalog():
        lines.append(f"{q.name:<20} {q.description}")
        for p in q.params:
            state = "required" if p.required else (f"default {p.default}" if p.default is not None else "optional")
            lines.append(f"{'':<20}   --param {p.name}=<{p.type}>  ({state}) {p.help}")
    return "\n".join(lines)


def _params(pairs: tuple[str, ...]) -> dict[str, str]:
    out: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise QueryError(f"--param expects key=value, got {pair!r}")
        out[key.strip()] = value
    return out


@click.command("query")
@click.argument("sparql", metavar="SPARQL_OR_FILE", required=False)
@click.option("--name", "name", metavar="NAME", help="Run a named query shipped with graphkit (see --list).")
@click.option("--param", "params", multiple=True, metavar="KEY=VALUE",
              help="Parameter of the named query (repeatable). Bound as an RDF term, never pasted "
                   "into the query.")
@click.option("--list", "list_", is_flag=True, help="List the named queries and their parameters.")
@click.option("--show", is_flag=True,
              help="Print the SPARQL text of --name with its parameters, ready for any SPARQL endpoint, "
                   "instead of running it.")
@store_option
@click.option("--endpoint", default=None, metavar="URL",
              help="Query a remote SPARQL endpoint (e.g. one started by 'graphkit serve') instead of "
                   "the store.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
              show_default=True, help="json = W3C SPARQL 1.1 Query Results JSON.")
def command(sparql: Optional[str], name: Optional[str], params: tuple[str, ...], list_: bool, show: bool,
            store: str, endpoint: Optional[str], fmt: str) -> None:
    """Run a SPARQL query (text or file), or a named query, over the store.

    Common prefixes (schema, gk, prov, nif, fact, skos, org, xsd, rdf, rdfs,
    oa) are predeclared; the default graph is the union of all article
    graphs.  Examples:

    \b
      graphkit query --list
      graphkit query --name denials --endpoint http://127.0.0.1:7878/sparql
      graphkit query --name chain --param article=ukraine
      graphkit query --name who-quotes --param name=lindqvar --format csv
      graphkit query 'SELECT ?s WHERE { ?s a schema:Claim }'
    """
    from graphkit.query.named import get, named

    if list_:
        click.echo(_listing())
        return
    try:
        if name is None:
            if sparql is None:
                raise QueryError("give a SPARQL query (or file), or --name NAME (see --list)")
            if params:
                raise QueryError("--param only applies to --name")
            if endpoint:
                from graphkit.query import read_query
                from graphkit.query.remote import remote_query
                from graphkit.rdf.vocab import SPARQL_PREFIXES

                result = remote_query(SPARQL_PREFIXES + read_query(sparql), endpoint)
            else:
                result = query(sparql, store=store)
        else:
            if sparql is not None:
                raise QueryError("give either a SPARQL query or --name, not both")
            q = get(name)
            values = _params(params)
            if show:
                click.echo(q.sparql(values))
                return
            result = named(name, endpoint or store, **values)
    except QueryError as exc:
        fail(str(exc), code=2)
    except StoreError as exc:
        fail(str(exc))
    click.echo(result.format(fmt), nl=fmt != "csv")
