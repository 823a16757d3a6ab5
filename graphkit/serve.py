"""A read-only SPARQL 1.1 Protocol endpoint over a graphkit store.

The query engine is Oxigraph's own server (``oxigraph serve-read-only`` from
the ``oxigraph`` package, the same engine and version as the embedded store),
run as a child process on a private loopback port with the default graph as
the union of all graphs and its query time limit.  A small front in front of
it (stdlib :class:`~http.server.ThreadingHTTPServer`) is what clients talk to:

* it refuses every update (``update=`` field, ``application/sparql-update``)
  with 403 before anything reaches the engine, and the engine itself opens
  the store read-only;
* it refuses federated queries (``SERVICE``), which would make the engine
  send requests to any address a client names;
* it predeclares graphkit's prefixes (``schema:``, ``gk:``, ``prov:`` …), so
  the named queries and the CLI's queries run unchanged over HTTP;
* it reads the engine's whole answer before sending anything, so a query
  stopped by the time limit gives a clean ``503`` with a message instead of
  a truncated ``200`` (Oxigraph streams results and can only cut the stream
  when it cancels a query midway);
* it serialises results as JSON, XML, CSV or TSV (graphs as Turtle,
  N-Triples, RDF/XML, JSON-LD) following the ``Accept`` header.

See docs/sparql.md for why this design.

>>> negotiate("text/csv;q=0.9, application/sparql-results+json", RESULT_TYPES)
'application/sparql-results+json'
>>> negotiate("*/*", RESULT_TYPES)
'application/sparql-results+json'
"""
from __future__ import annotations

import math
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable, Optional, Union

from graphkit.rdf.store import StoreError
from graphkit.rdf.vocab import SPARQL_PREFIXES

# media type -> pyoxigraph format name (results of SELECT/ASK)
RESULT_TYPES = {
    "application/sparql-results+json": "JSON",
    "application/json": "JSON",
    "application/sparql-results+xml": "XML",
    "application/xml": "XML",
    "text/xml": "XML",
    "text/csv": "CSV",
    "text/tab-separated-values": "TSV",
}
# media type -> pyoxigraph RdfFormat name (results of CONSTRUCT/DESCRIBE)
GRAPH_TYPES = {
    "text/turtle": "TURTLE",
    "application/n-triples": "N_TRIPLES",
    "text/plain": "N_TRIPLES",
    "application/rdf+xml": "RDF_XML",
    "application/ld+json": "JSON_LD",
}
MAX_BODY = 10 * 1024 * 1024          # largest request accepted
MAX_ANSWER = 256 * 1024 * 1024       # largest answer buffered from the engine
PATHS = ("/", "/sparql", "/query")


class ServeError(RuntimeError):
    """The endpoint cannot start (clear message, no traceback)."""


def negotiate(accept: Optional[str], types: dict[str, str]) -> str:
    """The media type of ``types`` that the ``Accept`` header prefers (the
    first of ``types`` for ``*/*``, a missing header or no match)."""
    default = next(iter(types))
    best, best_q = None, 0.0
    for i, part in enumerate((accept or "").split(",")):
        fields = [f.strip() for f in part.split(";")]
        mime = fields[0].lower()
        q = 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        if mime in types:
            cand = mime
        elif mime in ("*/*", "application/*", "text/*"):
            cand = default if mime != "text/*" else "text/csv" if "text/csv" in types else "text/turtle"
        else:
            continue
        if q > best_q:
            best, best_q = cand, q
    return best or default


def oxigraph_binary() -> str:
    """Path of the ``oxigraph`` server executable (next to Python first)."""
    here = Path(sys.executable).parent / "oxigraph"
    if here.is_file() and os.access(here, os.X_OK):
        return str(here)
    found = shutil.which("oxigraph")
    if not found:
        raise ServeError("the Oxigraph server is not installed: pip install 'graphkit[server]' "
                         "(the 'oxigraph' package)")
    return found


def terminate(proc: subprocess.Popen, timeout: float = 5.0) -> None:
    """Stop a child process: SIGTERM, then SIGKILL after ``timeout`` seconds.

    >>> import sys
    >>> p = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    >>> terminate(p); p.returncode is not None
    True
    """
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout)


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port free on ``host`` right now."""
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def wait_for_port(host: str, port: int, timeout: float = 15.0,
                  alive: Optional[Callable[[], bool]] = None) -> bool:
    """Wait until something accepts connections on host:port."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if alive is not None and not alive():
            return False
        try:
            with socket.create_connection((host, port), timeout=0.5):
                return True
        except OSError:
            time.sleep(0.05)
    return False


def _check_store(store: Union[str, Path]) -> Path:
    if str(store) == "memory":
        raise StoreError("serve needs a store directory (an in-memory store lives only inside one command)")
    path = Path(store)
    if not path.is_dir():
        raise StoreError(f"no store at {path}")
    if not any(path.iterdir()):
        raise StoreError(f"{path} is empty: ingest articles first")
    return path


def _die_with_parent() -> None:  # pragma: no cover - runs in the child
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


@dataclass
class Backend:
    """The ``oxigraph serve-read-only`` child process."""

    store: Path
    timeout: float
    port: int = 0
    process: Optional[subprocess.Popen] = None

    def start(self) -> "Backend":
        self.port = free_port()
        cmd = [oxigraph_binary(), "serve-read-only", "--location", str(self.store),
               "--bind", f"127.0.0.1:{self.port}", "--union-default-graph",
               "--timeout-s", str(max(1, math.ceil(self.timeout)))]
        self.process = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                        preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None)
        if not wait_for_port("127.0.0.1", self.port, alive=lambda: self.process.poll() is None):
            err = b""
            if self.process.poll() is not None and self.process.stderr is not None:
                err = self.process.stderr.read() or b""
            self.stop()
            msg = err.decode("utf-8", "replace").strip().splitlines()
            raise ServeError(f"the Oxigraph engine did not start on {self.store}: "
                             f"{msg[-1] if msg else 'no answer on its port'}")
        # drain stderr so the pipe never fills up
        threading.Thread(target=self._drain, daemon=True).start()
        return self

    def _drain(self) -> None:
        stream = self.process.stderr if self.process else None
        if stream is None:
            return
        for _ in iter(stream.readline, b""):
            pass

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/query"

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def stop(self) -> None:
        p, self.process = self.process, None
        if p is not None:
            terminate(p)


class Answer(Exception):
    """An HTTP answer other than a result (status + one-line message)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def run_on_backend(backend: Backend, sparql: str, accept: Optional[str], timeout: float,
                   extra: Optional[list[tuple[str, str]]] = None,
                   max_answer: int = MAX_ANSWER) -> tuple[str, bytes]:
    """Send a query to the engine, check the complete answer and serialise
    it in the format ``accept`` asks for.  Returns (media type, body)."""
    import pyoxigraph as ox

    params = urllib.parse.urlencode(extra or [])
    req = urllib.request.Request(
        backend.url + (f"?{params}" if params else ""), data=(SPARQL_PREFIXES + sparql).encode("utf-8"),
        method="POST",
        headers={"Content-Type": "application/sparql-query; charset=utf-8",
                 "Accept": "application/sparql-results+json, application/n-triples;q=0.9"})
    started = time.monotonic()
    limit_msg = f"query stopped: it ran past the time limit of {timeout:g} s"
    deadline = started + timeout
    try:
        with urllib.request.urlopen(req, timeout=timeout + 2) as resp:
            ctype = resp.headers.get("Content-Type", "").split(";")[0].strip()
            chunks, size = [], 0
            while True:
                # the engine streams lazily evaluated results and its own time
                # limit does not stop a stream: enforce the limit and a size cap here
                if time.monotonic() > deadline:
                    raise TimeoutError
                chunk = resp.read1(1 << 16)
                if not chunk:
                    break
                size += len(chunk)
                if size > max_answer:
                    raise Answer(503, f"the answer is larger than {max_answer >> 20} MB: add a LIMIT")
                chunks.append(chunk)
            body = b"".join(chunks)
    except urllib.error.HTTPError as exc:
        text = exc.read().decode("utf-8", "replace").strip()
        if exc.code == 400:
            raise Answer(400, f"invalid SPARQL query: {text.splitlines()[0] if text else exc.reason}") from None
        if "cancel" in text.lower() or "timeout" in text.lower():
            raise Answer(503, limit_msg) from None
        raise Answer(500, f"query failed: {text[:300] or exc.reason}") from None
    except (TimeoutError, socket.timeout):
        raise Answer(503, limit_msg) from None
    except (urllib.error.URLError, OSError) as exc:
        if time.monotonic() - started >= timeout:
            raise Answer(503, limit_msg) from None
        raise Answer(502, f"the query engine is not answering: {exc}") from None
    try:
        if ctype == "application/n-triples":
            triples = list(ox.parse(body, ox.RdfFormat.N_TRIPLES))
            mime = negotiate(accept, GRAPH_TYPES)
            return mime, ox.serialize(triples, format=getattr(ox.RdfFormat, GRAPH_TYPES[mime]))
        results = ox.parse_query_results(body, ox.QueryResultsFormat.JSON)
        mime = negotiate(accept, RESULT_TYPES)
        fmt = getattr(ox.QueryResultsFormat, RESULT_TYPES[mime])
        return mime, results.serialize(format=fmt)
    except (SyntaxError, ValueError, OSError):
        # a cut stream: the engine cancelled the query after it had started answering
        if b"cancel" in body[-500:].lower() or time.monotonic() - started >= timeout * 0.9:
            raise Answer(503, limit_msg) from None
        raise Answer(500, "the query engine sent an unreadable answer") from None


def _handler(backend: Backend, timeout: float):
    class Handler(BaseHTTPRequestHandler):
        server_version = "graphkit-sparql"
        protocol_version = "HTTP/1.1"

        def log_message(self, fmt: str, *args) -> None:  # one short line per request
            sys.stderr.write(f"{self.address_string()} {fmt % args}\n")

        def _send(self, status: int, body: bytes, ctype: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def _error(self, status: int, message: str) -> None:
            self._send(status, (message + "\n").encode("utf-8"), "text/plain; charset=utf-8")

        def _path_ok(self) -> bool:
            path = urllib.parse.urlsplit(self.path).path.rstrip("/") or "/"
            if path not in PATHS:
                self._error(404, f"not found: the SPARQL endpoint is at {' or '.join(PATHS[1:])}")
                return False
            return True

        def _run(self, fields: list[tuple[str, str]], sparql: Optional[str]) -> None:
            names = {k for k, _ in fields}
            if "update" in names:
                return self._error(403, "this endpoint is read-only: SPARQL updates are refused")
            if sparql is None:
                queries = [v for k, v in fields if k == "query"]
                if len(queries) != 1:
                    return self._error(400, "give exactly one 'query' parameter (SPARQL 1.1 Protocol)")
                sparql = queries[0]
            if uses_service(sparql):
                return self._error(403, "federated queries (SERVICE) are disabled on this endpoint")
            extra = [(k, v) for k, v in fields if k in ("default-graph-uri", "named-graph-uri")]
            try:
                mime, body = run_on_backend(backend, sparql, self.headers.get("Accept"), timeout, extra)
            except Answer as ans:
                if ans.status == 400 and _looks_like_update(sparql):
                    return self._error(403, "this endpoint is read-only: SPARQL updates are refused")
                return self._error(ans.status, ans.message)
            charset = "; charset=utf-8" if mime.startswith(("text/", "application/sparql-results+json",
                                                            "application/json")) else ""
            self._send(200, body, mime + charset)

        def do_GET(self) -> None:  # noqa: N802
            if not self._path_ok():
                return
            query = urllib.parse.urlsplit(self.path).query
            fields = urllib.parse.parse_qsl(query, keep_blank_values=True)
            if not fields:
                return self._error(200, "graphkit read-only SPARQL endpoint: GET or POST ?query=… "
                                        "(SPARQL 1.1 Protocol)")
            self._run(fields, None)

        do_HEAD = do_GET

        def do_POST(self) -> None:  # noqa: N802
            if not self._path_ok():
                return
            try:
                length = int(self.headers.get("Content-Length") or 0)
            except ValueError:
                return self._error(400, "bad Content-Length")
            if length > MAX_BODY:
                return self._error(413, "request too large")
            raw = self.rfile.read(length) if length else b""
            ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            url_fields = urllib.parse.parse_qsl(urllib.parse.urlsplit(self.path).query, keep_blank_values=True)
            text = raw.decode("utf-8", "replace")
            if ctype == "application/sparql-update":
                return self._error(403, "this endpoint is read-only: SPARQL updates are refused")
            if ctype == "application/x-www-form-urlencoded":
                return self._run(url_fields + urllib.parse.parse_qsl(text, keep_blank_values=True), None)
            if ctype == "application/sparql-query":
                return self._run(url_fields, text)
            return self._error(415, "POST a form (application/x-www-form-urlencoded) or "
                                    "application/sparql-query")

        def _refuse(self) -> None:
            self._error(405, "this endpoint is read-only")

        do_PUT = do_DELETE = do_PATCH = _refuse

    return Handler


_HIDDEN = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
                     r'|<[^<>"{}|^`\\\s]*>|#[^\n]*')
_SERVICE = re.compile(r"(?i)(?<![?$:\w])SERVICE(?![\w:])")


def uses_service(sparql: str) -> bool:
    """True when the query calls another endpoint (``SERVICE``), outside
    strings, IRIs and comments.

    >>> uses_service('SELECT * WHERE { SERVICE <http://x/sparql> { ?s ?p ?o } }')
    True
    >>> uses_service('SELECT ?service WHERE { ?s ex:service "SERVICE" } # SERVICE')
    False
    """
    return bool(_SERVICE.search(_HIDDEN.sub(" ", sparql)))


def _looks_like_update(sparql: str) -> bool:
    body = re.sub(r"(?im)^\s*(PREFIX\s+\S*\s*<[^>]*>|BASE\s*<[^>]*>|#.*)\s*", "", sparql)
    return bool(re.match(r"(?i)\s*(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b", body))


def make_server(store: Union[str, Path], host: str = "127.0.0.1", port: int = 7878,
                timeout: float = 30.0) -> tuple[ThreadingHTTPServer, Backend]:
    """Start the engine and bind the front (not yet serving)."""
    path = _check_store(store)
    if timeout <= 0:
        raise ServeError("--timeout must be positive")
    backend = Backend(path, timeout).start()
    try:
        server = ThreadingHTTPServer((host, port), _handler(backend, timeout))
    except OSError as exc:
        backend.stop()
        raise ServeError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    server.daemon_threads = True
    return server, backend


def serve(store: Union[str, Path], host: str = "127.0.0.1", port: int = 7878, timeout: float = 30.0,
          ready: Optional[Callable[[str], None]] = None) -> None:
    """Serve the store read-only until interrupted (Ctrl-C or SIGTERM).

    ``ready`` is called with the endpoint URL once it accepts queries.
    """
    server, backend = make_server(store, host, port, timeout)

    def _stop(*_args) -> None:
        threading.Thread(target=server.shutdown, daemon=True).start()

    def _watch() -> None:
        while backend.alive():
            time.sleep(0.5)
        _stop()

    previous = signal.signal(signal.SIGTERM, _stop)
    threading.Thread(target=_watch, daemon=True).start()
    try:
        shown_host = f"[{host}]" if ":" in host else host
        if ready:
            ready(f"http://{shown_host}:{server.server_address[1]}/sparql")
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        server.server_close()
        backend.stop()


__all__ = ["serve", "make_server", "negotiate", "ServeError", "free_port", "wait_for_port", "oxigraph_binary"]
