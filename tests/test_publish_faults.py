"""Builds that never block the next one and never lose a file, whatever goes wrong.

A build killed while publishing, two builds into one folder, an output
folder that is a mount point (a Docker volume, a USB drive), a full disk and
a read-only one: each is tried for real, with `mediakit build` in a process
of its own and, for the disks, a small tmpfs mounted in a mount namespace of
the test's own (no root needed).
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

from filelock import FileLock

from tests.conftest import MINIMAL_KIT
from tests.tools import PRIVATE_MOUNTS, require

WAIT = 120  # seconds: a build with its PDF on a loaded CI machine


def mediakit(*args: str | Path) -> list[str]:
    return [sys.executable, "-m", "mediakit", *map(str, args)]


def files_under(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


# A build that kills itself (SIGKILL: no `finally` runs, as with `kill -9`, a
# crash or a power cut) right after moving its first new file into the site.
KILLED_WHILE_PUBLISHING = """\
import os, signal, sys
real_replace = os.replace

def replace(source, target, *args, **kwargs):
    new = not os.path.exists(target)
    real_replace(source, target, *args, **kwargs)
    staged = any(f"/.mediakit-{kind}-" in str(source) for kind in ("staging", "build"))
    if staged and new:
        os.kill(os.getpid(), signal.SIGKILL)

os.replace = replace
from mediakit.cli import main
sys.argv = ["mediakit", "build", sys.argv[1], "--no-pdf"]
main()
"""


def test_a_build_killed_while_publishing_is_finished_by_the_next(write_kit, tmp_path: Path) -> None:
    kit = write_kit(MINIMAL_KIT)
    site = tmp_path / "site"
    first = subprocess.run(mediakit("build", kit, "--no-pdf"), capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    (site / "CNAME").write_text("ana.example.com\n")
    old_files = set(files_under(site))

    # Another name: new pictures (the share card's file name follows its content).
    kit.write_text(MINIMAL_KIT.replace("Ana Lima", "Bea Souza"), encoding="utf-8")
    killed = subprocess.run(
        [sys.executable, "-c", KILLED_WHILE_PUBLISHING, str(kit)], capture_output=True, text=True
    )
    assert killed.returncode == -9, killed.stderr  # it did die half-way
    half = set(files_under(site)) - old_files
    assert any(name.startswith("assets/share-") for name in half)  # a new file moved in

    again = subprocess.run(mediakit("build", kit, "--no-pdf"), capture_output=True, text=True)
    assert again.returncode == 0, again.stderr
    assert "Bea Souza" in (site / "index.html").read_text()
    assert (site / "CNAME").read_text() == "ana.example.com\n"
    # The old share card was the tool's: gone. No staging folder is left anywhere.
    share_cards = [name for name in files_under(site) if name.startswith("assets/share-")]
    assert len(share_cards) == 1
    leftovers = [p.name for p in tmp_path.rglob(".mediakit-*") if p.is_dir()]
    assert leftovers == []
    assert not (site / ".mediakit-publishing.json").exists()


def test_a_second_build_into_a_folder_waits_for_the_first_and_says_so(
    write_kit, tmp_path: Path
) -> None:
    kit = write_kit(MINIMAL_KIT)
    site = tmp_path / "site"
    site.mkdir()
    lines: list[str] = []
    waiting = threading.Event()

    def read(stream: object) -> None:
        for line in stream:  # type: ignore[attr-defined]
            lines.append(line)
            if "Waiting for another mediakit build" in line:
                waiting.set()

    with FileLock(site / ".mediakit-lock"):  # as a build in another terminal holds it
        second = subprocess.Popen(
            mediakit("build", kit, "--no-pdf"), stderr=subprocess.PIPE, text=True
        )
        reader = threading.Thread(target=read, args=(second.stderr,), daemon=True)
        reader.start()
        assert waiting.wait(WAIT), "".join(lines)
        assert second.poll() is None and not (site / "index.html").exists()
    assert second.wait(WAIT) == 0, "".join(lines)
    reader.join(WAIT)
    assert (site / "index.html").is_file()
    assert f"Waiting for another mediakit build to finish writing into {site}" in "".join(lines)


def in_private_mounts(script: str, **paths: Path) -> subprocess.CompletedProcess[str]:
    """Run the shell `script` in a mount namespace of its own, with $PY, $MEDIAKIT and `paths`
    as variables; its mounts vanish with it."""
    require("private-mounts")
    assignments = {"PY": sys.executable, **{k: str(v) for k, v in paths.items()}}
    preamble = "".join(f"{k}={shlex.quote(v)}\n" for k, v in assignments.items())
    return subprocess.run(
        [*PRIVATE_MOUNTS, "sh", "-euc", preamble + textwrap.dedent(script)],
        capture_output=True,
        text=True,
        timeout=WAIT,
    )


def test_an_output_folder_that_is_a_mount_point(write_kit, tmp_path: Path) -> None:
    kit = write_kit(MINIMAL_KIT)
    out = tmp_path / "volume"
    out.mkdir()
    ran = in_private_mounts(
        """\
        mount -t tmpfs -o size=16m tmpfs "$OUT"
        "$PY" -m mediakit build "$KIT" -o "$OUT" --no-pdf
        "$PY" -m mediakit build "$KIT" -o "$OUT" --no-pdf
        ls -A "$OUT"
        """,
        KIT=kit,
        OUT=out,
    )
    assert ran.returncode == 0, ran.stderr
    assert "Traceback" not in ran.stderr
    assert {"index.html", "404.html", "assets", ".mediakit-manifest.json"} <= set(
        ran.stdout.split()
    )
    assert not [name for name in ran.stdout.split() if name.startswith(".mediakit-staging")]


# Sums of every file in $OUT, written to a file outside the small disk.
CHECKSUMS = 'cd "$OUT" && find . -type f | sort | xargs sha256sum > "$1"; cd - >/dev/null'


def test_a_full_disk_is_said_plainly_and_the_site_stays(write_kit, tmp_path: Path) -> None:
    kit = write_kit(MINIMAL_KIT)
    out = tmp_path / "usb"
    out.mkdir()
    # The site without its PDF takes about 1.2 MB (fonts, mostly); a rebuild
    # stages a second copy beside it before moving it in: 1.7 MB holds the
    # first build, not the second.
    ran = in_private_mounts(
        f"""\
        sums() {{ {CHECKSUMS}; }}
        mount -t tmpfs -o size=1700k tmpfs "$OUT"
        "$PY" -m mediakit build "$KIT" -o "$OUT" --no-pdf
        echo "ana.example.com" > "$OUT/CNAME"
        sums "$WORK/before"
        sed -i 's/Ana Lima/Bea Souza/' "$KIT"
        if "$PY" -m mediakit build "$KIT" -o "$OUT" 2> "$WORK/stderr"; then echo BUILT; fi
        sums "$WORK/after"
        ls -A "$OUT"
        """,
        KIT=kit,
        OUT=out,
        WORK=tmp_path,
    )
    assert ran.returncode == 0, ran.stderr
    stderr = (tmp_path / "stderr").read_text()
    assert "BUILT" not in ran.stdout
    assert "Traceback" not in stderr
    assert f"{out}  there is no space left on the disk that holds it" in stderr
    assert "Nothing in it was changed." in stderr
    assert (tmp_path / "after").read_text() == (tmp_path / "before").read_text()
    assert "./CNAME" in (tmp_path / "after").read_text()
    assert not [name for name in ran.stdout.split() if name.startswith(".mediakit-staging")]


def test_a_read_only_output_is_said_plainly_and_the_site_stays(write_kit, tmp_path: Path) -> None:
    kit = write_kit(MINIMAL_KIT)
    out = tmp_path / "card"
    out.mkdir()
    ran = in_private_mounts(
        f"""\
        sums() {{ {CHECKSUMS}; }}
        mount -t tmpfs -o size=16m tmpfs "$OUT"
        "$PY" -m mediakit build "$KIT" -o "$OUT" --no-pdf
        echo "ana.example.com" > "$OUT/CNAME"
        sums "$WORK/before"
        mount -o remount,ro "$OUT"
        sed -i 's/Ana Lima/Bea Souza/' "$KIT"
        if "$PY" -m mediakit build "$KIT" -o "$OUT" 2> "$WORK/stderr"; then echo BUILT; fi
        sums "$WORK/after"
        """,
        KIT=kit,
        OUT=out,
        WORK=tmp_path,
    )
    assert ran.returncode == 0, ran.stderr
    stderr = (tmp_path / "stderr").read_text()
    assert "BUILT" not in ran.stdout and "Traceback" not in stderr
    assert f"{out}  is on a read-only disk or mount; build into another folder with -o." in stderr
    assert (tmp_path / "after").read_text() == (tmp_path / "before").read_text()


def test_the_starter_gitignore_names_the_tools_working_files(tmp_path: Path) -> None:
    from mediakit.kit.starter import create_starter_kit

    create_starter_kit(tmp_path)
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    # With `-o docs` (GitHub Pages from a folder), the output folder is committed.
    candidates = [
        "docs/.mediakit-staging-k2j3h4/index.html",
        "docs/.mediakit-lock",
        "docs/.mediakit-publishing.json",
        ".mediakit-build-x1y2z3/index.html",  # where versions up to 0.1.0 staged
        "docs/index.html",
        "docs/.mediakit-manifest.json",  # a rebuild on another clone needs it
    ]
    checked = subprocess.run(
        ["git", "-C", str(tmp_path), "check-ignore", *candidates],
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.stdout.split() == candidates[:4]
    assert os.path.isfile(tmp_path / ".gitignore")
