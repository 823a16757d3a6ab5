"""The ``graphkit`` command: a thin layer over the Python API.

Each sub-command lives in ``graphkit/cli/<name>.py`` as a click command
named ``command`` and calls one public function of the API.
"""
from __future__ import annotations

import importlib

import click

from graphkit import __version__

# sub-command modules, in the order ``graphkit --help`` lists them
COMMANDS = ["ingest", "query", "export", "chains", "analyze", "viz", "eval", "serve", "push", "demo"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="graphkit")
def main() -> None:
    """Turn news articles into a source-attribution knowledge graph."""


for _name in COMMANDS:
    main.add_command(importlib.import_module(f"graphkit.cli.{_name}").command)
