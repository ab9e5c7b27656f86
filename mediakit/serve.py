"""`mediakit serve`: a live preview on 127.0.0.1 that rebuilds after every save.

The kit is built into a temporary folder, never into the creator's `site/`.
A builder thread rebuilds after each change: the pages first (a fraction of a
second), then the PDF (a few seconds). Open pages follow along through
server-sent events: new pages are swapped in as soon as they are ready
(without a reload, so fonts and images stay loaded), and a notice says when
the PDF is. A broken edit keeps the last good pages on screen with the
located error over them, and the server keeps running until the file is fixed.

The live-reload script is added to pages as they are served; the files in
the temporary folder are exactly what `mediakit build` writes.

The preview carries the kit's private prices, so it answers only requests
addressed to this machine by name (`localhost`, `127.0.0.1`, `[::1]` on its
port): a web page elsewhere cannot reach it through a name of its own that
resolves to 127.0.0.1 (DNS rebinding). Open pages are capped, and a page past
the cap is told so at once. Only what the kit uses is watched (the kit file,
the files it names, its `templates/` folder, its theme), so a log file
written beside the kit does not start a build that writes to it again.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import html
import json
import os
import threading
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from mediakit.errors import KitError, Problem
from mediakit.options import BuildOptions

EVENTS_PATH = "/__mediakit/events"
# Versions count from 0 in each server: a page left open across a restart
# tells by this id that its numbers no longer apply, and reloads.
SERVER_ID = uuid.uuid4().hex[:12]
# Seconds between announcing new pages and starting the PDF.
PAGES_HEAD_START = 0.4
_RELOAD_SCRIPT = (Path(__file__).parent / "serve_reload.js").read_text(encoding="utf-8")
# Open pages that follow the builds at once: far more tabs than anyone
# keeps open, each holding a thread and a connection.
MAX_EVENT_STREAMS = 32
# Connections waiting to be accepted; the default (5) resets or stalls a burst.
LISTEN_BACKLOG = 128
LOCAL_HOSTS = ("localhost", "127.0.0.1", "[::1]")


@dataclass
class BuildStatus:
    """What open pages are told. `version` grows with every event; a page swaps
    in the new pages when `pages_version` passes the one it shows."""

    version: int = 0
    pages_version: int = 0
    pdf_version: int = 0
    problems: list[str] = field(default_factory=list)

    def as_json(self) -> str:
        return json.dumps(
            {
                "server": SERVER_ID,
                "pages_version": self.pages_version,
                "pdf_version": self.pdf_version,
                "problems": self.problems,
            }
        )


class PreviewBuilder:
    """Rebuilds the kit into `site_dir` on request, one build at a time, in its own thread."""

    def __init__(
        self,
        kit: Path,
        site_dir: Path,
        options: BuildOptions,
        log: Callable[[str], None],
    ) -> None:
        self.kit = kit
        self.site_dir = site_dir
        self.options = options
        self.log = log
        self.status = BuildStatus()
        self.changed = threading.Condition()
        self._wanted = threading.Event()
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._run, name="mediakit-builder", daemon=True)

    def start(self) -> None:
        self._wanted.set()
        self._thread.start()

    def stop(self) -> None:
        self._stopping.set()
        self._wanted.set()
        with self.changed:
            self.changed.notify_all()
        self._thread.join(timeout=30)

    def request_build(self) -> None:
        self._wanted.set()

    def wait_for_change(self, seen_version: int, timeout: float) -> BuildStatus:
        with self.changed:
            self.changed.wait_for(
                lambda: self.status.version != seen_version or self.stopping,
                timeout=timeout,
            )
            return replace(self.status, problems=list(self.status.problems))

    @property
    def stopping(self) -> bool:
        return self._stopping.is_set()

    def _announce(self, step: str | None, problems: list[str]) -> None:
        with self.changed:
            self.status.version += 1
            if step == "pages":
                self.status.pages_version = self.status.version
            elif step == "PDF":
                self.status.pdf_version = self.status.version
            self.status.problems = problems
            self.changed.notify_all()

    def _run(self) -> None:
        while True:
            self._wanted.wait()
            if self._stopping.is_set():
                return
            self._wanted.clear()
            if not self._build(pdf=False):
                continue
            # The PDF engine holds the interpreter for seconds: give open pages
            # a moment to fetch the new pages first. A save meanwhile (or during
            # the page build) makes the PDF out of date before it is begun:
            # start over with the pages instead.
            if self._wanted.wait(timeout=PAGES_HEAD_START) or self._stopping.is_set():
                continue
            self._build(pdf=True)

    def _build(self, *, pdf: bool) -> bool:
        from mediakit.build import build_kit

        step = "PDF" if pdf else "pages"
        started = dt.datetime.now()
        try:
            # Dated each time: a preview left running past midnight stays true.
            options = replace(self.options, pdf=pdf, keep_pdf=not pdf, today=dt.date.today())
            result = build_kit(self.kit, self.site_dir, options)
        except KitError as error:
            problems = [problem.format() for problem in error.problems]
            self.log("\n".join(problems) + "\nFix the file and save it; the preview will follow.")
            self._announce(None, problems)
            return False
        except Exception as error:  # the preview must outlive any one build
            message = f"mediakit: the {step} could not be built ({type(error).__name__}: {error})"
            self.log(message)
            self._announce(None, [message])
            return False
        seconds = (dt.datetime.now() - started).total_seconds()
        for warning in result.warnings:
            self.log(warning.format())
        self.log(f"{started:%H:%M:%S}  {step} rebuilt in {seconds:.1f} s")
        self._announce(step, [])
        return True


def live_reload_script(pages_version: int) -> str:
    """The script added to served pages: new pages swapped in, errors shown over them."""
    script = _RELOAD_SCRIPT.replace("__PAGES_VERSION__", str(pages_version))
    script = script.replace("__SERVER_ID__", SERVER_ID)
    return f"<script>\n{script.replace('__EVENTS_PATH__', EVENTS_PATH)}</script>"


def error_page(problems: list[str], pages_version: int) -> str:
    """What `/` shows when no build has succeeded yet."""
    listed = html.escape("\n".join(problems) or "Building…")
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        "<title>mediakit preview</title></head>"
        '<body style="font:16px/1.5 system-ui,sans-serif;margin:2rem">'
        "<h1>The kit could not be built yet</h1>"
        f'<pre style="white-space:pre-wrap">{listed}</pre>'
        "<p>Fix the file and save it; this page will follow.</p>"
        f"{live_reload_script(pages_version)}</body></html>"
    )


class PreviewHandler(SimpleHTTPRequestHandler):
    """Serves the temporary build, adds the live-reload script, and streams build events."""

    builder: PreviewBuilder

    def __init__(
        self, *args: Any, builder: PreviewBuilder, streams: threading.Semaphore, **kwargs: Any
    ) -> None:
        self.builder = builder
        self.streams = streams
        super().__init__(*args, directory=str(builder.site_dir), **kwargs)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # Requests are not news; builds and errors are logged by the builder.

    etag: str | None = None

    def end_headers(self) -> None:
        if self.etag:
            # Assets: the browser asks each time and gets "not modified" unless
            # the build changed the file, so a reload does not fetch the fonts again.
            self.send_header("Cache-Control", "no-cache")
            self.send_header("ETag", self.etag)
        else:
            self.send_header("Cache-Control", "no-store")  # pages change with every save
        super().end_headers()

    def do_GET(self) -> None:
        if not self._addressed_to_this_machine():
            self.send_error(
                HTTPStatus.FORBIDDEN, "The preview answers only localhost and 127.0.0.1."
            )
            return
        path = self.path.split("?", 1)[0]
        if any(ord(c) < 32 for c in unquote(path)):  # /..%00/x: no file has such a name
            self.send_error(HTTPStatus.BAD_REQUEST, "There is no such file.")
            return
        if path == EVENTS_PATH:
            self._stream_events()
        elif path.endswith("/") or path.endswith(".html"):
            self._send_page(path)
        else:
            self._send_asset(path)

    def do_HEAD(self) -> None:
        if self._addressed_to_this_machine():
            super().do_HEAD()
        else:
            self.send_error(HTTPStatus.FORBIDDEN)

    def _addressed_to_this_machine(self) -> bool:
        """Whether the Host header names this machine and this server's port."""
        address = self.server.server_address
        port = address[1] if isinstance(address, tuple) else None
        host = (self.headers.get("Host") or "").strip().lower()
        names = {f"{name}:{port}" for name in LOCAL_HOSTS}
        if port == 80:
            names |= set(LOCAL_HOSTS)
        return host in names

    def _send_asset(self, path: str) -> None:
        asset = Path(self.translate_path(path))
        if asset.is_file():
            # Publishing leaves unchanged files untouched, so their time and
            # size (to the nanosecond) name their content.
            stat = asset.stat()
            self.etag = f'"{stat.st_mtime_ns:x}-{stat.st_size:x}"'
            if self.headers.get("If-None-Match") == self.etag:
                self.send_response(HTTPStatus.NOT_MODIFIED)
                self.end_headers()
                return
        super().do_GET()

    def _send_page(self, path: str) -> None:
        status = self.builder.status
        version = status.pages_version
        page = Path(self.translate_path(path + ("index.html" if path.endswith("/") else "")))
        if page.is_file():
            text = page.read_text(encoding="utf-8")
            code = HTTPStatus.OK
        elif not (self.builder.site_dir / "index.html").is_file():
            text, code = error_page(status.problems, version), HTTPStatus.OK
        else:
            text = (self.builder.site_dir / "404.html").read_text(encoding="utf-8")
            code = HTTPStatus.NOT_FOUND
        script = live_reload_script(version)
        text = text.replace("</body>", script + "</body>", 1) if "</body>" in text else text
        body = text.encode("utf-8")
        self.send_response(code)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _stream_events(self) -> None:
        if not self.streams.acquire(blocking=False):
            # Answered at once: the page still shows, without following the builds.
            self.send_error(
                HTTPStatus.SERVICE_UNAVAILABLE,
                f"{MAX_EVENT_STREAMS} pages already follow the preview; close some tabs.",
            )
            return
        try:
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", "text/event-stream")
            self.end_headers()
            seen = -1
            with contextlib.suppress(OSError):
                while not self.builder.stopping:
                    status = self.builder.wait_for_change(seen, timeout=15)
                    if status.version == seen:
                        self.wfile.write(b": still here\n\n")  # keeps proxies and the socket awake
                    else:
                        seen = status.version
                        self.wfile.write(f"data: {status.as_json()}\n\n".encode())
                    self.wfile.flush()
        finally:
            self.streams.release()


class KitInputs:
    """What a build of the kit reads, to tell which saved files call for a new one.

    The kit file; every file it names (photo, logos, posts CSV, benchmarks:
    any value of the kit read as a path, existing yet or not, so adding the
    missing photo rebuilds); its `templates/` folder; and its theme with the
    themes it extends. The kit is read again whenever it changes, and its
    values even when it does not validate (a photo named in a broken kit is
    still watched)."""

    def __init__(self, kit: Path, theme: str | None = None) -> None:
        self.kit = kit.resolve()
        self.folder = self.kit.parent
        self.theme_option = theme
        self._read_at: int | None = None
        self._named: frozenset[Path] = frozenset()
        self._theme_folders: tuple[Path, ...] = ()

    def roots(self) -> list[Path]:
        """The folders to watch: the kit's, and every theme's that is not inside it.

        Every built-in theme's, not only the kit's: an edit may switch to
        another one. (An installed theme is watched when chosen at start.)"""
        from mediakit.render.themes import builtin_themes_dir

        self._refresh()
        folders = {self.folder, builtin_themes_dir().resolve(), *self._theme_folders}
        return sorted(
            f for f in folders if not any(f != o and f.is_relative_to(o) for o in folders)
        )

    def feeds_build(self, path: str) -> bool:
        changed = Path(path)
        name = changed.name
        if name.startswith(".") or name.endswith(("~", ".swp", ".tmp")):
            return False  # an editor's swap or backup file
        if changed == self.kit:
            return True
        self._refresh()
        if changed in self._named or changed.is_relative_to(self.folder / "templates"):
            return True
        return any(changed.is_relative_to(folder) for folder in self._theme_folders)

    def _refresh(self) -> None:
        """Read the kit again if it changed since it was last read."""
        try:
            modified = self.kit.stat().st_mtime_ns
        except OSError:
            return
        if modified == self._read_at:
            return
        self._read_at = modified
        from mediakit.kit.load import load_yaml

        try:
            data = load_yaml(self.kit).data
        except KitError:
            return  # keep what the last readable version named
        named = [self.folder / value for value in _strings(data) if _may_be_path(value)]
        # As written (a link is reported under its own name) and where it leads.
        self._named = frozenset(
            {Path(os.path.normpath(path)) for path in named} | {path.resolve() for path in named}
        )
        theme = data.get("theme") if isinstance(data, dict) else None
        name = self.theme_option or (theme.get("name") if isinstance(theme, dict) else None)
        self._theme_folders = _theme_folders(str(name or "default"))


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _may_be_path(value: str) -> bool:
    return 0 < len(value) < 500 and "\n" not in value and "\x00" not in value


def _theme_folders(name: str) -> tuple[Path, ...]:
    """The folders of theme `name` and those it extends; none if it cannot be found."""
    from mediakit.render.themes import find_theme

    try:
        return tuple(theme.folder.resolve() for theme in find_theme(name).chain)
    except KitError:
        return ()


class PreviewHTTPServer(ThreadingHTTPServer):
    request_queue_size = LISTEN_BACKLOG
    daemon_threads = True


@dataclass
class PreviewServer:
    """A running preview: the HTTP server, the builder and the watcher."""

    url: str
    builder: PreviewBuilder
    http: PreviewHTTPServer
    stop_watching: threading.Event

    def stop(self) -> None:
        self.stop_watching.set()
        self.builder.stop()
        self.http.shutdown()
        self.http.server_close()


@contextlib.contextmanager
def preview(
    kit: Path,
    site_dir: Path,
    *,
    port: int = 8000,
    options: BuildOptions | None = None,
    log: Callable[[str], None] = print,
) -> Iterator[PreviewServer]:
    """Serve a live preview of `kit` built into `site_dir` until the block ends.

    Of `options`, the preview uses the locale and the theme; it never writes a
    PDF for emailing, and dates each build the day it runs."""
    import watchfiles

    options = options or BuildOptions()
    builder = PreviewBuilder(kit, site_dir.resolve(), options, log)
    streams = threading.BoundedSemaphore(MAX_EVENT_STREAMS)
    handler = partial(PreviewHandler, builder=builder, streams=streams)
    try:
        http = PreviewHTTPServer(("127.0.0.1", port), handler)
    except OSError as error:
        raise KitError(
            [
                Problem(
                    f"port {port} cannot be used ({error.strerror}); "
                    f"choose another with --port, such as --port {port + 1}."
                )
            ]
        ) from None
    stop_watching = threading.Event()

    inputs = KitInputs(kit, options.theme)
    roots = inputs.roots()

    def watch() -> None:
        try:
            for _ in watchfiles.watch(
                *roots,
                watch_filter=lambda _change, path: inputs.feeds_build(path),
                stop_event=stop_watching,
                debounce=400,
                step=15,  # ms of quiet after a save: editors write in several steps
                yield_on_timeout=False,
            ):
                builder.request_build()
        except Exception as error:  # a folder removed, too many files to watch...
            log(
                f"mediakit: saves are no longer followed ({type(error).__name__}: {error}); "
                "stop with Ctrl+C and start `mediakit serve` again."
            )

    server = PreviewServer(
        f"http://127.0.0.1:{http.server_address[1]}/", builder, http, stop_watching
    )
    threading.Thread(target=http.serve_forever, name="mediakit-http", daemon=True).start()
    threading.Thread(target=watch, name="mediakit-watch", daemon=True).start()
    builder.start()
    try:
        yield server
    finally:
        server.stop()
