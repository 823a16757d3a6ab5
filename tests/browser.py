"""Drive Debian's headless Chromium over the Chrome DevTools Protocol.

Networking is off (a dead proxy for everything, no background services),
pages are opened from ``file://``, JavaScript values are read with
``Runtime.evaluate``.  Needs ``/usr/bin/chromium`` and the
``websocket-client`` package (``test`` extra); tests use
:data:`needs_chromium` to skip with a reason when either is missing.

Screenshot of a graph page (used for docs/img/graph.png)::

    python tests/browser.py screenshot graph.html docs/img/graph.png
"""
from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")

try:
    import websocket  # websocket-client
except ImportError:  # pragma: no cover
    websocket = None

needs_chromium = pytest.mark.skipif(
    not CHROMIUM.exists() or websocket is None,
    reason="needs Debian chromium at /usr/bin/chromium (apt-get install chromium; `make test` does it) "
           "and the websocket-client package (test extra)",
)

FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--no-default-browser-check", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--disable-extensions", "--disable-dev-shm-usage", "--disable-features=Translate",
    "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>", "--remote-allow-origins=*",
    "--remote-debugging-port=0", "--hide-scrollbars", "--mute-audio",
]


class BrowserError(RuntimeError):
    pass


class Browser:
    """One headless Chromium with one page; use as a context manager.

    >>> # with Browser() as b: b.open(path); b.eval("1 + 1")
    """

    def __init__(self, width: int = 1200, height: int = 800, timeout: float = 15.0) -> None:
        self.width, self.height, self.timeout = width, height, timeout
        self.proc = None
        self.ws = None
        self.profile = None
        self._id = 0
        self.events: list[dict] = []

    # -- life cycle -----------------------------------------------------
    def __enter__(self) -> "Browser":
        try:
            self.start()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def start(self) -> None:
        self.profile = tempfile.mkdtemp(prefix="gk-chromium-")
        args = [str(CHROMIUM), *FLAGS, f"--user-data-dir={self.profile}",
                f"--window-size={self.width},{self.height}", "about:blank"]
        self.proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                     start_new_session=True)
        port_file = Path(self.profile) / "DevToolsActivePort"
        deadline = time.monotonic() + self.timeout
        while not (port_file.exists() and port_file.read_text().strip()):
            if self.proc.poll() is not None:
                raise BrowserError(f"chromium exited with status {self.proc.returncode}")
            if time.monotonic() > deadline:
                raise BrowserError("chromium did not open its DevTools port")
            time.sleep(0.05)
        port = int(port_file.read_text().split()[0])
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        page = None
        while page is None:
            with opener.open(f"http://127.0.0.1:{port}/json/list", timeout=5) as r:
                targets = json.load(r)
            page = next((t for t in targets if t.get("type") == "page"), None)
            if page is None:
                if time.monotonic() > deadline:
                    raise BrowserError("no page target")
                time.sleep(0.05)
        self.ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=self.timeout,
                                              http_no_proxy=["127.0.0.1", "localhost"],
                                              suppress_origin=True)
        self.send("Page.enable")
        self.send("Network.enable")
        self.send("Runtime.enable")

    def close(self) -> None:
        if self.ws is not None:
            try:
                self.ws.close()
            except Exception:
                pass
            self.ws = None
        if self.proc is not None:
            if self.proc.poll() is None:
                self.proc.terminate()
                try:
                    self.proc.wait(5)
                except subprocess.TimeoutExpired:
                    self.proc.kill()
                    self.proc.wait(5)
            self.proc = None
        if self.profile is not None:
            shutil.rmtree(self.profile, ignore_errors=True)
            self.profile = None

    # -- protocol ---------------------------------------------------------
    def send(self, method: str, **params) -> dict:
        self._id += 1
        mid = self._id
        self.ws.send(json.dumps({"id": mid, "method": method, "params": params}))
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == mid:
                if "error" in msg:
                    raise BrowserError(f"{method}: {msg['error']}")
                return msg.get("result", {})
            if "method" in msg:
                self.events.append(msg)
        raise BrowserError(f"{method}: no answer")

    def wait_event(self, method: str, timeout: float | None = None) -> dict:
        for ev in self.events:
            if ev["method"] == method:
                self.events.remove(ev)
                return ev
        deadline = time.monotonic() + (timeout or self.timeout)
        while time.monotonic() < deadline:
            msg = json.loads(self.ws.recv())
            if msg.get("method") == method:
                return msg
            if "method" in msg:
                self.events.append(msg)
        raise BrowserError(f"timed out waiting for {method}")

    # -- page helpers -------------------------------------------------------
    def open(self, path) -> None:
        """Navigate to a local file and wait for its load event."""
        self.events.clear()
        url = Path(path).resolve().as_uri()
        self.send("Page.navigate", url=url)
        self.wait_event("Page.loadEventFired")

    def eval(self, expression: str):
        """Value of a JavaScript expression in the page (JSON-able)."""
        res = self.send("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in res:
            raise BrowserError(f"JS error: {res['exceptionDetails'].get('text')}")
        return res.get("result", {}).get("value")

    def wait_for(self, expression: str, timeout: float = 10.0):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            value = self.eval(expression)
            if value:
                return value
            time.sleep(0.05)
        raise BrowserError(f"timed out waiting for {expression}")

    def hover(self, x: float, y: float) -> None:
        self.send("Input.dispatchMouseEvent", type="mouseMoved", x=x, y=y)

    def requests(self) -> list[str]:
        """URLs the page asked for since the last :meth:`open`."""
        return [ev["params"]["request"]["url"] for ev in self.events
                if ev["method"] == "Network.requestWillBeSent"]

    def screenshot(self, out) -> Path:
        data = self.send("Page.captureScreenshot", format="png")["data"]
        out = Path(out)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(base64.b64decode(data))
        return out


def graph_screenshot(html, png, width: int = 1200, height: int = 800, settle: float = 2.0) -> Path:
    """Open a graphkit page, let physics settle, save a PNG."""
    with Browser(width, height) as b:
        b.open(html)
        b.wait_for("document.body.getAttribute('data-gk-drawn') === '1'")
        time.sleep(settle)
        b.eval("network.fit(), true")
        time.sleep(0.3)
        return b.screenshot(png)


if __name__ == "__main__":  # python tests/browser.py screenshot IN.html OUT.png
    if len(sys.argv) != 4 or sys.argv[1] != "screenshot":
        sys.exit("usage: python tests/browser.py screenshot IN.html OUT.png")
    print(graph_screenshot(sys.argv[2], sys.argv[3]))
