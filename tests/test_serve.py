"""`mediakit serve`: an edit reaches the open page, a broken edit is shown and survived."""

from __future__ import annotations

import http.client
import json
import os
import queue
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.request import urlopen

import pytest

from mediakit.errors import KitError
from mediakit.serve import EVENTS_PATH, PreviewServer, feeds_build, live_reload_script, preview
from tests.conftest import MINIMAL_KIT

WAIT = 60  # seconds; generous for a loaded CI machine, the typical wait is under one


class EventStream:
    """Reads the server-sent events a page listens to, in a thread of its own."""

    def __init__(self, url: str) -> None:
        self.events: queue.Queue[dict[str, Any]] = queue.Queue()
        host, port = url.removeprefix("http://").rstrip("/").split(":")
        self.connection = http.client.HTTPConnection(host, int(port), timeout=WAIT)
        self.connection.request("GET", EVENTS_PATH)
        response = self.connection.getresponse()
        assert response.getheader("Content-Type") == "text/event-stream"
        threading.Thread(target=self._read, args=(response,), daemon=True).start()

    def _read(self, response: http.client.HTTPResponse) -> None:
        for line in response:
            if line.startswith(b"data:"):
                self.events.put(json.loads(line[5:]))

    def wait_for(self, accept: Any) -> dict[str, Any]:
        deadline = time.monotonic() + WAIT
        while (left := deadline - time.monotonic()) > 0:
            try:
                event = self.events.get(timeout=left)
            except queue.Empty:
                break
            if accept(event):
                return event
        raise AssertionError("the expected event did not arrive")


@pytest.fixture
def served(write_kit: Any, tmp_path: Path) -> Iterator[tuple[Path, PreviewServer, list[str]]]:
    kit = write_kit(MINIMAL_KIT)
    log: list[str] = []
    with preview(kit, tmp_path / "preview" / "site", port=0, log=log.append) as server:
        yield kit, server, log


def page(server: PreviewServer, path: str = "") -> str:
    with urlopen(server.url + path, timeout=WAIT) as response:
        body: bytes = response.read()
        return body.decode()


def test_edit_reaches_page_then_pdf_follows(served: Any) -> None:
    kit, server, log = served
    stream = EventStream(server.url)
    first = stream.wait_for(lambda e: e["pdf_version"] > 0)
    assert "Ana Lima" in page(server)

    kit.write_text(MINIMAL_KIT.replace("Ana Lima", "Ana Lima Souza"), encoding="utf-8")
    pages = stream.wait_for(lambda e: e["pages_version"] > first["pages_version"])
    assert "Ana Lima Souza" in page(server)
    # The pages come first; the PDF follows them.
    assert pages["pdf_version"] < pages["pages_version"]
    pdf = stream.wait_for(lambda e: e["pdf_version"] > pages["pages_version"])
    assert pdf["problems"] == []
    with urlopen(server.url + "ana-lima-souza-media-kit.pdf", timeout=WAIT) as response:
        assert response.read(5) == b"%PDF-"
    assert any("pages rebuilt" in line for line in log)


def test_broken_edit_is_shown_and_fixing_recovers(served: Any, tmp_path: Path) -> None:
    kit, server, log = served
    stream = EventStream(server.url)
    first = stream.wait_for(lambda e: e["pages_version"] > 0)

    kit.write_text(MINIMAL_KIT.replace("12000", "lots"), encoding="utf-8")
    broken = stream.wait_for(lambda e: e["problems"])
    located = f"{kit}:10:16  platforms[0].followers"
    assert broken["problems"][0].startswith(located)
    assert any(line.startswith(located) for line in log)  # in the terminal too
    # The last good page stays as built, with only the script that shows the error over it.
    built = (tmp_path / "preview" / "site" / "index.html").read_text(encoding="utf-8")
    still = page(server)
    assert "Ana Lima" in built
    assert still == built.replace("</body>", live_reload_script(first["pages_version"]) + "</body>")

    kit.write_text(MINIMAL_KIT.replace("Ana Lima", "Ana Lima Souza"), encoding="utf-8")
    fixed = stream.wait_for(lambda e: e["pages_version"] > first["pages_version"])
    assert fixed["problems"] == []
    assert "Ana Lima Souza" in page(server)


def test_first_build_failing_shows_an_error_page(write_kit: Any, tmp_path: Path) -> None:
    kit = write_kit(MINIMAL_KIT.replace("12000", "lots"))
    with preview(kit, tmp_path / "preview" / "site", port=0, log=lambda _: None) as server:
        EventStream(server.url).wait_for(lambda e: e["problems"])
        shown = page(server)
    assert "could not be built" in shown
    assert "platforms[0].followers" in shown


def test_built_files_are_what_build_writes(served: Any, tmp_path: Path) -> None:
    kit, server, _ = served
    EventStream(server.url).wait_for(lambda e: e["pages_version"] > 0)
    built = (tmp_path / "preview" / "site" / "index.html").read_text(encoding="utf-8")
    assert "EventSource" not in built  # the reload script is added only when serving
    assert "EventSource" in page(server)
    # Nothing is written beside the creator's kit.
    assert sorted(p.name for p in kit.parent.iterdir()) == ["mediakit.yaml", "preview"]


def test_missing_page_is_a_404_with_the_kits_404_page(served: Any) -> None:
    _, server, _ = served
    EventStream(server.url).wait_for(lambda e: e["pages_version"] > 0)
    with pytest.raises(Exception) as raised:
        page(server, "no-such-page.html")
    assert getattr(raised.value, "code", None) == 404


def test_port_in_use_is_a_clear_error(write_kit: Any, tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with (
            pytest.raises(KitError) as raised,
            preview(write_kit(), tmp_path / "site", port=port, log=lambda _: None),
        ):
            pass
    assert f"--port {port + 1}" in raised.value.problems[0].message


@pytest.mark.parametrize(
    ("relative", "feeds"),
    [
        ("mediakit.yaml", True),
        ("images/photo.jpg", True),
        ("templates/index.html", True),
        ("site/index.html", False),  # the output of `mediakit build`
        (".git/index", False),
        ("images/.photo.jpg.swp", False),
        ("mediakit.yaml~", False),
    ],
)
def test_which_changes_trigger_a_rebuild(tmp_path: Path, relative: str, feeds: bool) -> None:
    # The kit's own folder may sit under a hidden folder: only parts inside it count.
    root = tmp_path / ".hidden-parent" / "kit"
    assert feeds_build([root], str(root / relative)) is feeds
    assert feeds_build([root], str(tmp_path / "elsewhere.yaml")) is False
    # The preview's own build folder never triggers a build, wherever it is.
    assert feeds_build([root], str(root / "preview" / "index.html"), root / "preview") is False


def test_serve_help_names_the_port_and_the_temporary_folder(runner: Any) -> None:
    from mediakit.cli import cli

    result = runner.invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0
    assert "--port" in result.output and "temporary folder" in result.output


def test_serve_without_a_kit_says_how_to_start(runner: Any, tmp_path: Path) -> None:
    from mediakit.cli import cli

    result = runner.invoke(cli, ["serve", str(tmp_path / "mediakit.yaml")])
    assert result.exit_code == 1
    assert "mediakit init" in result.output


def test_serve_with_an_unknown_theme_lists_the_themes(runner: Any, write_kit: Any) -> None:
    from mediakit.cli import cli

    result = runner.invoke(cli, ["serve", str(write_kit()), "--theme", "nope"])
    assert result.exit_code == 1
    assert '--theme: found "nope"' in result.output and "default" in result.output


def test_themes_folders_are_watched(write_kit: Any) -> None:
    from mediakit.render.themes import available_themes
    from mediakit.serve import watched_paths

    kit = write_kit()
    roots = watched_paths(kit)
    assert kit.parent.resolve() in roots
    for theme in available_themes().values():
        assert any(theme.folder.resolve().is_relative_to(root) for root in roots), theme.name


def test_unchanged_assets_are_not_sent_again(served: Any) -> None:
    kit, server, _ = served
    stream = EventStream(server.url)
    first = stream.wait_for(lambda e: e["pages_version"] > 0)
    index = page(server)
    stylesheet = index.split('rel="stylesheet" href="', 1)[1].split('"', 1)[0]
    host, port = server.url.removeprefix("http://").rstrip("/").split(":")

    def fetch(etag: str | None = None) -> http.client.HTTPResponse:
        connection = http.client.HTTPConnection(host, int(port), timeout=WAIT)
        connection.request("GET", "/" + stylesheet, headers={"If-None-Match": etag} if etag else {})
        response = connection.getresponse()
        response.read()
        return response

    etag = fetch().getheader("ETag")
    assert etag and fetch(etag).status == 304
    # A rebuild that leaves the stylesheet as it was keeps it "not modified".
    kit.write_text(MINIMAL_KIT.replace("Ana Lima", "Ana Lima Souza"), encoding="utf-8")
    stream.wait_for(lambda e: e["pages_version"] > first["pages_version"])
    assert fetch(etag).status == 304
    # The pages themselves are never cached.
    with urlopen(server.url, timeout=WAIT) as response:
        assert response.headers["Cache-Control"] == "no-store"


def test_serve_removes_its_temporary_folder_when_terminated(write_kit: Any, tmp_path: Path) -> None:
    # `kill`, a closed terminal, `docker stop`, a process manager: not only Ctrl+C.
    kit = write_kit(MINIMAL_KIT)
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    server = subprocess.Popen(
        [sys.executable, "-m", "mediakit", "serve", str(kit), "--port", "0"],
        env={**os.environ, "TMPDIR": str(temporary)},
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + WAIT
        while not list(temporary.glob("mediakit-serve-*/site/index.html")):
            assert time.monotonic() < deadline, "the preview was never built"
            time.sleep(0.1)
        server.send_signal(signal.SIGTERM)
        assert server.wait(WAIT) == 128 + signal.SIGTERM
    finally:
        server.kill()
    assert list(temporary.iterdir()) == []
