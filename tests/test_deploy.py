"""`mediakit deploy`: the built site as a commit on gh-pages, pushed to the kit's remote.

Each test makes its own repository (and a bare one standing in for GitHub),
with git's identity set in the repository, never from the machine's settings.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from mediakit.cli import cli
from tests.conftest import MINIMAL_KIT


def git(folder: Path, *arguments: str) -> str:
    done = subprocess.run(
        ["git", "-C", str(folder), *arguments], capture_output=True, text=True, check=True
    )
    return done.stdout


@pytest.fixture
def isolated_git(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No global or system git settings: each repository says who commits."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for name in (
        "GIT_AUTHOR_NAME",
        "GIT_AUTHOR_EMAIL",
        "GIT_COMMITTER_NAME",
        "GIT_COMMITTER_EMAIL",
    ):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def kit_repository(tmp_path: Path, isolated_git: None) -> Path:
    """A creator's kit in a git repository on `main`, with one commit and a name to commit with."""
    repository = tmp_path / "my-kit"
    repository.mkdir()
    (repository / "mediakit.yaml").write_text(MINIMAL_KIT, encoding="utf-8")
    (repository / ".gitignore").write_text("site/\npitches/\n", encoding="utf-8")
    git(repository, "init", "-q", "-b", "main")
    git(repository, "config", "user.name", "Ana Lima")
    git(repository, "config", "user.email", "ana@example.com")
    git(repository, "add", ".")
    git(repository, "commit", "-q", "-m", "My kit")
    return repository


def deploy(runner: CliRunner, kit: Path, *options: str) -> tuple[int, str]:
    result = runner.invoke(cli, ["deploy", str(kit), *options])
    return result.exit_code, result.output


def test_no_push_commits_the_site_on_gh_pages(kit_repository: Path, runner: CliRunner) -> None:
    code, output = deploy(runner, kit_repository / "mediakit.yaml", "--no-push")
    assert code == 0, output
    files = git(kit_repository, "ls-tree", "-r", "--name-only", "gh-pages").split()
    assert {"index.html", "404.html", ".nojekyll", "ana-lima-media-kit.pdf"} <= set(files)
    page = git(kit_repository, "show", "gh-pages:index.html")
    assert "Ana Lima" in page
    assert "not pushed (--no-push)" in output
    # The creator's own branch and files are as they were.
    assert git(kit_repository, "branch", "--show-current").strip() == "main"
    assert git(kit_repository, "status", "--porcelain") == ""
    assert git(kit_repository, "log", "--format=%s", "main").split("\n")[0] == "My kit"


def test_deploy_pushes_to_the_remote(
    kit_repository: Path, tmp_path: Path, runner: CliRunner
) -> None:
    remote = tmp_path / "github.git"
    git(tmp_path, "init", "-q", "--bare", str(remote))
    git(kit_repository, "remote", "add", "origin", str(remote))
    code, output = deploy(runner, kit_repository / "mediakit.yaml")
    assert code == 0, output
    assert "Ana Lima" in git(remote, "show", "gh-pages:index.html")
    assert "pushed to origin" in output
    # A second deploy adds a commit on top of the first.
    (kit_repository / "mediakit.yaml").write_text(
        MINIMAL_KIT.replace("Ana Lima", "Ana Lima Souza"), encoding="utf-8"
    )
    code, output = deploy(runner, kit_repository / "mediakit.yaml")
    assert code == 0, output
    assert "Ana Lima Souza" in git(remote, "show", "gh-pages:index.html")
    assert len(git(remote, "log", "--format=%H", "gh-pages").split()) == 2


def test_a_folder_outside_git_is_told_how_to_start(
    tmp_path: Path, runner: CliRunner, isolated_git: None
) -> None:
    kit = tmp_path / "plain" / "mediakit.yaml"
    kit.parent.mkdir()
    kit.write_text(MINIMAL_KIT, encoding="utf-8")
    code, output = deploy(runner, kit)
    assert code == 1
    assert "is not in a git repository" in output and "git init" in output
    assert "Traceback" not in output
    assert not (tmp_path / "plain" / "site").exists()  # nothing was built


def test_a_repository_without_the_remote_says_so(kit_repository: Path, runner: CliRunner) -> None:
    code, output = deploy(runner, kit_repository / "mediakit.yaml")
    assert code == 1
    assert 'has no remote called "origin"' in output and "--no-push" in output
    assert not (kit_repository / "site").exists()
    code, output = deploy(runner, kit_repository / "mediakit.yaml", "--remote", "github")
    assert code == 1 and 'has no remote called "github"' in output


def test_an_unknown_committer_is_told_how_to_set_one(
    kit_repository: Path, runner: CliRunner
) -> None:
    git(kit_repository, "config", "--unset", "user.name")
    git(kit_repository, "config", "--unset", "user.email")
    # Never guess an identity from the machine's host name.
    git(kit_repository, "config", "user.useConfigOnly", "true")
    code, output = deploy(runner, kit_repository / "mediakit.yaml", "--no-push")
    assert code == 1
    assert "git config --global user.email" in output
    assert "gh-pages" not in git(kit_repository, "branch", "--list")


def test_a_push_that_fails_says_the_site_is_committed(
    kit_repository: Path, tmp_path: Path, runner: CliRunner
) -> None:
    git(kit_repository, "remote", "add", "origin", str(tmp_path / "no-such-remote.git"))
    code, output = deploy(runner, kit_repository / "mediakit.yaml")
    assert code == 1
    assert "committed on the gh-pages branch, but git could not push it" in output
    assert "index.html" in git(kit_repository, "ls-tree", "--name-only", "gh-pages")
