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
from mediakit.serve import (
    EVENTS_PATH,
    MAX_EVENT_STREAMS,
    KitInputs,
    PreviewServer,
    live_reload_script,
    preview,
)
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


# A kit that names a photo (there), a posts CSV (not yet there) and a benchmarks file.
NAMING_KIT = MINIMAL_KIT.replace(
    "  niches: [baking]\n", "  niches: [baking]\n  photo: images/photo.jpg\n"
) + ("    posts_csv: data/instagram.csv\nbenchmarks: my-benchmarks.yaml\n")


@pytest.mark.parametrize(
    ("relative", "feeds"),
    [
        ("mediakit.yaml", True),
        ("images/photo.jpg", True),  # named by the kit
        ("data/instagram.csv", True),  # named, though not there yet
        ("my-benchmarks.yaml", True),
        ("templates/index.html", True),
        ("templates/sections/rates.html", True),
        ("images/other.jpg", False),  # in the folder, but not in the kit
        ("serve.log", False),  # `mediakit serve 2> serve.log`: no loop
        ("notes.md", False),
        ("site/index.html", False),  # the output of `mediakit build`
        ("preview/index.html", False),
        (".git/index", False),
        ("templates/.index.html.swp", False),
        ("mediakit.yaml~", False),
    ],
)
def test_which_changes_trigger_a_rebuild(tmp_path: Path, relative: str, feeds: bool) -> None:
    # The kit's own folder may sit under a hidden folder: only parts inside it count.
    folder = tmp_path / ".hidden-parent" / "kit"
    (folder / "images").mkdir(parents=True)
    (folder / "images" / "photo.jpg").write_bytes(b"")
    (folder / "mediakit.yaml").write_text(NAMING_KIT, encoding="utf-8")
    inputs = KitInputs(folder / "mediakit.yaml")
    assert inputs.feeds_build(str(folder / relative)) is feeds
    assert inputs.feeds_build(str(tmp_path / "elsewhere.yaml")) is False


def test_a_file_named_through_a_link_is_watched_by_both_names(tmp_path: Path) -> None:
    (tmp_path / "exports").mkdir()
    (tmp_path / "exports" / "instagram-2026.csv").write_text("date,likes\n", encoding="utf-8")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "instagram.csv").symlink_to(tmp_path / "exports" / "instagram-2026.csv")
    (tmp_path / "mediakit.yaml").write_text(NAMING_KIT, encoding="utf-8")
    inputs = KitInputs(tmp_path / "mediakit.yaml")
    assert inputs.feeds_build(str(tmp_path / "data" / "instagram.csv"))
    assert inputs.feeds_build(str(tmp_path / "exports" / "instagram-2026.csv"))


def test_the_kits_theme_is_watched_and_follows_the_kit(write_kit: Any) -> None:
    from mediakit.render.themes import find_theme

    kit = write_kit(MINIMAL_KIT + "theme:\n  name: editorial\n")
    inputs = KitInputs(kit)
    editorial, default = (t.folder.resolve() for t in find_theme("editorial").chain)
    playful = find_theme("playful").chain[0].folder.resolve()
    for folder in (editorial, default, playful, kit.parent.resolve()):
        assert any(folder.is_relative_to(root) for root in inputs.roots())
    assert inputs.feeds_build(str(editorial / "static/editorial.css"))
    assert inputs.feeds_build(str(default / "templates/index.html"))  # extended
    assert not inputs.feeds_build(str(playful / "static/playful.css"))
    # Switching theme in the kit switches what is watched.
    kit.write_text(MINIMAL_KIT + "theme:\n  name: playful\n", encoding="utf-8")
    os.utime(kit, ns=(1, 1))  # another modification time, whatever the clock's resolution
    assert inputs.feeds_build(str(playful / "static/playful.css"))
    assert not inputs.feeds_build(str(editorial / "static/editorial.css"))


def test_a_log_written_beside_the_kit_starts_no_build(write_kit: Any, tmp_path: Path) -> None:
    kit = write_kit(MINIMAL_KIT)
    log_file = tmp_path / "serve.log"

    def log(line: str) -> None:  # as `mediakit serve 2>> serve.log` in the kit's folder
        with log_file.open("a", encoding="utf-8") as file:
            file.write(line + "\n")

    with preview(kit, tmp_path / "preview" / "site", port=0, log=log) as server:
        stream = EventStream(server.url)
        built = stream.wait_for(lambda e: e["pdf_version"] > 0)
        log("a line of my own")
        # Debouncing waits 0.4 s of quiet: two seconds leave any build time to start.
        time.sleep(2)
        assert server.builder.status.version == built["pdf_version"]
        assert sum("rebuilt" in line for line in log_file.read_text().splitlines()) == 2
        # The watcher works: the kit itself does start a build.
        kit.write_text(MINIMAL_KIT.replace("Ana Lima", "Ana Lima Souza"), encoding="utf-8")
        stream.wait_for(lambda e: e["pages_version"] > built["pdf_version"])


def raw_request(server: PreviewServer, path: str, host: str | None = None) -> tuple[int, str]:
    """The status and body of a GET with the given Host header (None: the server's own)."""
    port = int(server.url.rstrip("/").rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=WAIT) as connection:
        header = f"Host: {host}\r\n" if host is not None else f"Host: 127.0.0.1:{port}\r\n"
        connection.sendall(f"GET {path} HTTP/1.1\r\n{header}Connection: close\r\n\r\n".encode())
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    return int(head.split()[1]), body.decode(errors="replace")


def test_only_requests_for_this_machine_are_answered(served: Any) -> None:
    _, server, _ = served
    EventStream(server.url).wait_for(lambda e: e["pages_version"] > 0)
    port = server.url.rstrip("/").rsplit(":", 1)[1]
    for host in (f"localhost:{port}", f"127.0.0.1:{port}", f"[::1]:{port}", f"LOCALHOST:{port}"):
        status, body = raw_request(server, "/", host)
        assert status == 200 and "Ana Lima" in body, host
    # DNS rebinding: a page on attacker.example, its name now resolving to 127.0.0.1.
    for host in (f"attacker.example:{port}", "attacker.example", "localhost:1", "127.0.0.1", ""):
        status, body = raw_request(server, "/", host)
        assert status == 403 and "Ana Lima" not in body, host
        assert raw_request(server, EVENTS_PATH, host)[0] == 403


def test_a_path_with_a_nul_byte_is_a_bad_request(served: Any) -> None:
    _, server, _ = served
    EventStream(server.url).wait_for(lambda e: e["pages_version"] > 0)
    for path in ("/..%00/x", "/assets/%00.css", "/index%00.html"):
        assert raw_request(server, path)[0] == 400
    assert raw_request(server, "/")[0] == 200  # and the server goes on


def test_open_pages_are_capped_and_the_rest_answered_at_once(served: Any) -> None:
    _, server, _ = served
    port = int(server.url.rstrip("/").rsplit(":", 1)[1])
    answers: list[str] = []
    lock = threading.Lock()
    start = threading.Event()
    sockets: list[socket.socket] = []

    def open_page() -> None:
        start.wait()
        connection = socket.create_connection(("127.0.0.1", port), timeout=WAIT)
        sockets.append(connection)
        request = f"GET {EVENTS_PATH} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n"
        connection.sendall(request.encode())
        status_line = connection.recv(4096).split(b"\r\n", 1)[0].decode()
        with lock:
            answers.append(status_line)

    # As many as the issue saw: with a backlog of 5, connections were reset or waited 54 s.
    openers = [threading.Thread(target=open_page) for _ in range(200)]
    for opener in openers:
        opener.start()
    start.set()
    for opener in openers:
        opener.join(WAIT)
    try:
        assert len(answers) == 200
        assert answers.count("HTTP/1.0 200 OK") == MAX_EVENT_STREAMS
        assert sum(" 503 " in answer for answer in answers) == 200 - MAX_EVENT_STREAMS
    finally:
        for connection in sockets:
            connection.close()
    # Closed pages free their places.
    deadline = time.monotonic() + WAIT
    while raw_request(server, "/")[0] != 200 or not _event_stream_opens(server, port):
        assert time.monotonic() < deadline
        time.sleep(0.2)


def _event_stream_opens(server: PreviewServer, port: int) -> bool:
    with socket.create_connection(("127.0.0.1", port), timeout=WAIT) as connection:
        request = f"GET {EVENTS_PATH} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n"
        connection.sendall(request.encode())
        return connection.recv(4096).startswith(b"HTTP/1.0 200")


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
