"""``graphkit eval``: score graphkit's extraction on an annotated corpus."""
from __future__ import annotations

import json
from pathlib import Path

import click

from graphkit.evaluate import SCHEME_METHODS, EvaluationError, FormatError, evaluate, read_corpus
from graphkit.evaluate.report import format_errors, prediction_lines, table, to_json


def _guess_format(paths: list[Path]) -> str:
    return "polnear" if all(p.is_dir() for p in paths) else "gold"


@click.command("eval")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["gold", "polnear"]), default=None,
              help="gold: *.gold.json files (text in the .txt next to each); "
                   "polnear: directories with text/ and attributions/ (brat). Default: guessed.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of the table.")
@click.option("--predictions", type=click.Path(dir_okay=False, writable=True, path_type=Path),
              help="Also write graphkit's predictions as JSON Lines, one line per document.")
@click.option("--errors", "n_errors", type=click.IntRange(min=0), default=0, show_default=True,
              help="List the N worst misses and false positives (stderr with --json).")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Only the first N documents.")
@click.option("--method", type=click.Choice(["auto", "rules", "learned", "hybrid", "neural", "neural-hybrid"]),
              default="auto",
              show_default=True,
              help="Extractor: rules, learned (CRF spans), hybrid (CRF stacked on the rules, with the "
                   "rules' stance and nesting), neural (BiLSTM-CRF spans), neural-hybrid (those with "
                   "the rules' stance and nesting) or auto (the extractor of the annotation scheme: "
                   "rules for graphkit's, neural for PolNeAR's).")
@click.option("--conventions", type=click.Choice(["graphkit", "polnear"]), default=None,
              help="Annotation scheme of the gold: its span conventions (PolNeAR keeps the complementizer "
                   "\"that\" inside the content, graphkit's gold files leave it out) and the extractor "
                   "that --method auto means (polnear: the tagger trained on PolNeAR). "
                   "Default: polnear for --format polnear, else graphkit.")
def command(paths: tuple[Path, ...], fmt: str | None, as_json: bool, predictions: Path | None,
            n_errors: int, limit: int | None, method: str, conventions: str | None) -> None:
    """Run graphkit's extraction on annotated PATHS and score it.

    \b
    graphkit eval --format polnear ../shared/eval/polnear/dev
    graphkit eval --format gold ../shared/eval/seed/*.gold.json --json
    graphkit eval --method rules ../shared/eval/polnear/dev
    """
    fmt = fmt or _guess_format(list(paths))
    try:
        docs = read_corpus(fmt, paths)
    except FormatError as exc:
        raise click.ClickException(str(exc)) from None
    if limit:
        docs = docs[:limit]
    for d in docs:
        for w in d.warnings:
            click.echo(f"warning: {w}", err=True)
    try:
        result = evaluate(docs, method=method, conventions=conventions or ("polnear" if fmt == "polnear" else "graphkit"))
    except EvaluationError as exc:
        raise click.ClickException(str(exc)) from None
    if predictions is not None:
        try:
            with predictions.open("w", encoding="utf-8") as fh:
                for line in prediction_lines(result):
                    fh.write(line + "\n")
        except OSError as exc:
            raise click.ClickException(f"{predictions}: cannot write: {exc.strerror or exc}") from None
    if as_json:
        click.echo(json.dumps(to_json(result), ensure_ascii=False))
    else:
        click.echo(table(result, title=f"{fmt}: "))
        used = SCHEME_METHODS.get(result.conventions, "auto") if method == "auto" else method
        click.echo(f"method: {method}" + (f" ({used} for the {result.conventions} scheme)" if used != method else "")
                   + f", span conventions: {result.conventions}")
    if n_errors:
        click.echo(format_errors(result, n_errors), err=as_json)
