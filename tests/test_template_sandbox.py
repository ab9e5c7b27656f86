"""A kit's `templates/` folder (and an installed theme) formats the kit; it never runs Python.

Kits are shared (agencies, templates, pull requests the Pages workflow
builds), so a template from one must not run commands on the machine that
builds it. Each payload below ran `id` (or `touch`) and published the result
before templates were rendered in Jinja's sandbox.
"""

from __future__ import annotations

import datetime as dt
import shutil
import textwrap
from pathlib import Path

import pytest
from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader

from mediakit.build import build_kit
from mediakit.cache import cache_dir
from mediakit.cli import cli
from mediakit.errors import KitError
from mediakit.options import BuildOptions
from mediakit.pitch import pitch_briefs
from tests.conftest import MINIMAL_KIT, SAMPLES

TODAY = dt.date(2026, 11, 21)
# The payload: `cycler` is a Jinja global whose __init__ leads to `os`.
RUN_ID = "{{ cycler.__init__.__globals__.os.popen('id').read() }}"


def run_touch(marker: Path) -> str:
    """A payload whose only trace is the file it creates, so the test sees whether it ran."""
    return f"{{{{ cycler.__init__.__globals__.os.popen('touch {marker}').read() }}}}"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def sample_kit(tmp_path: Path) -> Path:
    """Maya Okafor's kit (public rates, so the rates section is on the page) in a folder of its own."""
    folder = tmp_path / "kit"
    shutil.copytree(SAMPLES / "maya-okafor", folder)
    return folder / "mediakit.yaml"


def all_text(folder: Path) -> str:
    return "".join(p.read_text(errors="replace") for p in folder.rglob("*") if p.is_file())


@pytest.mark.parametrize("template", ["404.html", "sections/rates.html"])
def test_a_kit_template_cannot_run_a_command(tmp_path: Path, runner, template: str) -> None:
    kit = sample_kit(tmp_path)
    marker = tmp_path / "ran"
    source = write(kit.parent / "templates" / template, f"<p>\n{RUN_ID}\n{run_touch(marker)}\n")
    out = tmp_path / "site"
    result = runner.invoke(cli, ["build", str(kit), "-o", str(out), "--no-pdf"])
    assert result.exit_code == 1
    assert not marker.exists()
    # Located at the template's line, in words, without a traceback.
    assert f"{source}:2  template error: access to attribute '__init__'" in result.stderr
    assert "cannot reach into Python" in result.stderr
    assert "Traceback" not in result.output
    assert not out.exists() or "uid=" not in all_text(out)


def test_a_pitch_renders_kit_templates_in_the_sandbox_too(tmp_path: Path) -> None:
    kit = sample_kit(tmp_path)
    marker = tmp_path / "ran"
    write(kit.parent / "templates/sections/rates.html", run_touch(marker))
    brief = next((kit.parent / "briefs").glob("*.yaml"))
    [result] = pitch_briefs(kit, [brief], tmp_path / "pitches", BuildOptions(today=TODAY))
    assert not result.ok and "unsafe" in result.problems[0].message
    assert not marker.exists()


def test_what_a_kit_template_may_do_still_works(write_kit, tmp_path: Path) -> None:
    kit = write_kit(MINIMAL_KIT)
    # Values, filters, loops, macros, the theme's own file and the translations.
    write(
        tmp_path / "templates/404.html",
        textwrap.dedent(
            """\
            {% macro shout(text) %}{{ text|upper }}{% endmacro %}
            {{ shout(kit.name) }} {{ kit.platforms|length }} {{ _("Contact") }}
            {% for n in range(3) %}{{ loop.index }}{% endfor %} {{ "<b>" }}
            {% include "default/404.html" %}
            """
        ),
    )
    build_kit(kit, tmp_path / "out", BuildOptions(pdf=False, today=TODAY))
    page = (tmp_path / "out/404.html").read_text()
    assert page.startswith("ANA LIMA 1 Contact\n123 &lt;b&gt;\n<!doctype html>")


def test_a_kit_template_cannot_change_the_values_it_is_given(write_kit, tmp_path: Path) -> None:
    kit = write_kit(MINIMAL_KIT)
    write(tmp_path / "templates/404.html", "{{ kit.platforms.clear() }}")
    with pytest.raises(KitError, match="unsafe"):
        build_kit(kit, tmp_path / "out", BuildOptions(pdf=False, today=TODAY))


def test_a_template_that_calls_itself_forever_is_an_error(write_kit, tmp_path: Path) -> None:
    kit = write_kit(MINIMAL_KIT)
    source = write(
        tmp_path / "templates/404.html",
        "{% macro again() %}{{ again() }}{% endmacro %}{{ again() }}",
    )
    with pytest.raises(KitError) as raised:
        build_kit(kit, tmp_path / "out", BuildOptions(pdf=False, today=TODAY))
    assert raised.value.problems[0].file == source
    assert "calls itself" in raised.value.problems[0].message


def test_templates_compiled_outside_the_sandbox_are_never_reused_in_it(
    write_kit, tmp_path: Path
) -> None:
    # A compiled template is cached by its name, file and text only. Code
    # compiled by an environment without the sandbox calls str.format directly;
    # reused in the sandbox, it would still read Python's internals.
    kit = write_kit(MINIMAL_KIT)
    payload = '{{ "{0.__init__.__globals__}".format(cycler) }}'
    source = write(tmp_path / "templates/404.html", payload)
    folder = cache_dir("templates")
    folder.mkdir(parents=True, exist_ok=True)
    unsandboxed = Environment(
        loader=FileSystemLoader(str(source.parent)),
        bytecode_cache=FileSystemBytecodeCache(str(folder)),
    )
    assert "os" in unsandboxed.get_template("404.html").render()  # what it would leak
    with pytest.raises(KitError, match="unsafe"):
        build_kit(kit, tmp_path / "out", BuildOptions(pdf=False, today=TODAY))


def test_an_installed_themes_templates_are_sandboxed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, write_kit
) -> None:
    site = tmp_path / "site-packages"
    marker = tmp_path / "ran"
    write(site / "dusk_theme/__init__.py", "")
    write(site / "dusk_theme/theme.yaml", "description: Dusk.\nextends: default\n")
    write(site / "dusk_theme/templates/404.html", run_touch(marker))
    info = site / "mediakit_theme_dusk-1.0.dist-info"
    write(info / "METADATA", "Metadata-Version: 2.1\nName: mediakit-theme-dusk\nVersion: 1.0\n")
    write(info / "entry_points.txt", "[mediakit.themes]\ndusk = dusk_theme\n")
    monkeypatch.syspath_prepend(str(site))
    kit = write_kit(MINIMAL_KIT + "theme:\n  name: dusk\n")
    with pytest.raises(KitError, match="unsafe"):
        build_kit(kit, tmp_path / "out", BuildOptions(pdf=False, today=TODAY))
    assert not marker.exists()
