"""`mediakit deploy`: build the kit, then publish the site on the `gh-pages` branch.

For creators who build on their own machine rather than with the Pages
workflow, as MkDocs' `gh-deploy` does: the built site becomes one commit on the
`gh-pages` branch of the kit's git repository (ghp-import writes it, without
touching the working tree or the current branch), which is then pushed.
GitHub Pages serves that branch once the repository's Pages source is set to
"Deploy from a branch".
"""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from mediakit import __version__
from mediakit.build import BuildResult, build_kit
from mediakit.errors import KitError, Problem
from mediakit.options import BuildOptions


@dataclass(frozen=True)
class DeployResult:
    build: BuildResult
    branch: str
    commit: str
    pushed_to: str | None  # the remote, when pushed


def deploy_kit(
    kit_path: Path,
    out_dir: Path | None = None,
    options: BuildOptions | None = None,
    *,
    remote: str = "origin",
    branch: str = "gh-pages",
    push: bool = True,
) -> DeployResult:
    """Build `kit_path` into `out_dir`, commit the site to `branch` and push it to `remote`.

    Everything git needs is checked before the build starts, so a missing
    repository, remote or identity costs no build and changes nothing.
    """
    import ghp_import  # type: ignore[import-untyped]  # only this command needs it

    repository = _repository_root(kit_path.parent)
    if push:
        _require_remote(repository, remote)
    _require_identity(repository)
    result = build_kit(kit_path, out_dir, options)
    before = _branch_commit(repository, branch)
    message = f"Publish the media kit (mediakit {__version__})"
    with _working_directory(repository):  # ghp-import runs git in the current folder
        try:
            ghp_import.ghp_import(
                str(result.out_dir.resolve()),
                mesg=message,
                remote=remote,
                branch=branch,
                push=push,
            )
        except ghp_import.GhpError as error:
            raise KitError([Problem(f"git could not commit the site: {error.message}")]) from None
        except subprocess.CalledProcessError:
            # git has printed why (no access, no connection) just above.
            raise KitError(
                [
                    Problem(
                        f'the site is committed on the {branch} branch, but git could not push it to "{remote}" '
                        "(git says why above). Check your connection and your access to the "
                        "repository, then deploy again."
                    )
                ]
            ) from None
    after = _branch_commit(repository, branch)
    if after is None or after == before:
        raise KitError([Problem(f"git could not commit the site to the {branch} branch.")])
    return DeployResult(result, branch, after, remote if push else None)


def _git(repository: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", "-C", str(repository), *arguments], capture_output=True, text=True, check=False
    )


def _repository_root(folder: Path) -> Path:
    try:
        found = _git(folder, "rev-parse", "--show-toplevel")
    except FileNotFoundError:
        raise KitError(
            [Problem("needs git; install it from https://git-scm.com/downloads.")]
        ) from None
    if found.returncode != 0:
        raise KitError(
            [
                Problem(
                    "is not in a git repository, so there is no gh-pages branch to publish to. "
                    "Make it one with `git init`, add your GitHub repository with "
                    "`git remote add origin https://github.com/YOU/REPOSITORY.git`, and deploy again.",
                    folder.absolute(),
                )
            ]
        )
    return Path(found.stdout.strip())


def _require_remote(repository: Path, remote: str) -> None:
    if _git(repository, "remote", "get-url", remote).returncode != 0:
        raise KitError(
            [
                Problem(
                    f'has no remote called "{remote}" to push to. Add your GitHub repository with '
                    f"`git remote add {remote} https://github.com/YOU/REPOSITORY.git`, "
                    "or commit without pushing with --no-push.",
                    repository,
                )
            ]
        )


def _require_identity(repository: Path) -> None:
    # A commit needs a name and an email; ghp-import would otherwise fail half-way.
    if _git(repository, "var", "GIT_COMMITTER_IDENT").returncode != 0:
        raise KitError(
            [
                Problem(
                    "git does not know who you are, which every commit records. Tell it with "
                    '`git config --global user.name "Your Name"` and '
                    "`git config --global user.email you@example.com`, then deploy again."
                )
            ]
        )


def _branch_commit(repository: Path, branch: str) -> str | None:
    found = _git(repository, "rev-parse", "--verify", "--quiet", f"refs/heads/{branch}")
    return found.stdout.strip() if found.returncode == 0 else None


@contextlib.contextmanager
def _working_directory(folder: Path) -> Iterator[None]:
    previous = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(previous)
