"""Themes: discovery, extends, kit-local overrides, entry points, --theme, and the built-in three."""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from pathlib import Path

import pytest
from pypdf import PdfReader

import mediakit.render.themes
from mediakit.build import build_kit
from mediakit.check import check_kit
from mediakit.cli import cli
from mediakit.errors import KitError
from mediakit.images.accent import (
    WHITE,
    contrast_ratio,
    mix_with_white,
    parse_hex,
    readable_accent,
)
from mediakit.options import BuildOptions
from mediakit.render.prepare import prepare_render
from mediakit.render.themes import ResolvedTheme, available_themes, find_theme
from tests.conftest import MINIMAL_KIT, SAMPLE_KITS

TODAY = dt.date(2026, 11, 21)
BUILT_IN = ["default", "editorial", "playful"]
REAL_THEMES = mediakit.render.themes.builtin_themes_dir()


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


@pytest.fixture
def themes_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A built-in themes folder of our own: the real default theme plus what a test adds."""
    root = tmp_path / "themes"
    root.mkdir()
    (root / "default").symlink_to(REAL_THEMES / "default")
    monkeypatch.setattr(mediakit.render.themes, "builtin_themes_dir", lambda: root)
    return root


def kit_with(write_kit, theme: str = "") -> Path:
    return Path(write_kit(MINIMAL_KIT + (textwrap.dedent(theme) if theme else "")))


# ---------- Discovery and `mediakit themes` ----------


def test_mediakit_themes_lists_every_built_in_theme_with_its_description(runner) -> None:
    result = runner.invoke(cli, ["themes"])
    assert result.exit_code == 0, result.output
    lines = {line.split()[0]: line for line in result.stdout.splitlines()}
    assert sorted(lines) == BUILT_IN
    for name in BUILT_IN:
        description = find_theme(name).chain[0].settings.description
        assert description and description in lines[name]
    assert lines["default"].endswith("(built-in)")
    assert lines["editorial"].endswith("(built-in, extends default)")


# ---------- extends ----------


def test_a_child_theme_overrides_some_templates_and_inherits_the_rest(
    themes_dir: Path, write_kit, tmp_path: Path
) -> None:
    write(themes_dir / "child/theme.yaml", "extends: default\n")
    write(themes_dir / "child/templates/404.html", "<p>Lost? {{ kit.name }}</p>\n")
    kit = kit_with(write_kit, "theme:\n  name: child\n")
    build_kit(kit, tmp_path / "out", BuildOptions(pdf=False, today=TODAY))
    assert (tmp_path / "out/404.html").read_text() == "<p>Lost? Ana Lima</p>"
    # index.html comes from default, with default's stylesheets.
    index = (tmp_path / "out/index.html").read_text()
    assert '<body class="site">' in index and 'href="assets/site.css"' in index


def test_a_kit_replaces_one_section_and_keeps_the_others(write_kit, tmp_path: Path) -> None:
    kit = kit_with(write_kit)
    theirs = tmp_path / "theirs"
    build_kit(kit, theirs, BuildOptions(pdf=False, today=TODAY))
    write(
        tmp_path / "templates/sections/platforms.html",
        '<section class="section mine">{{ kit.platforms|length }} platform(s)</section>\n',
    )
    build_kit(kit, tmp_path / "out", BuildOptions(pdf=False, today=TODAY))
    page = (tmp_path / "out/index.html").read_text()
    before = (theirs / "index.html").read_text()
    assert '<section class="section mine">1 platform(s)</section>' in page
    assert "section--platforms" in before and "section--platforms" not in page
    # Every other section is the theme's, to the byte.
    start = before.index('<section class="section section--platforms"')
    end = before.index("</section>", start) + len("</section>")
    assert page.replace('<section class="section mine">1 platform(s)</section>', "") == (
        before[:start] + before[end:]
    )


def test_a_theme_replaces_one_section_and_inherits_the_rest(
    themes_dir: Path, write_kit, tmp_path: Path
) -> None:
    write(themes_dir / "child/theme.yaml", "extends: default\n")
    write(
        themes_dir / "child/templates/sections/platforms.html",
        '{% from "_components.html" import heading with context %}'
        '<section class="section section--platforms">{{ heading("platforms", "Where I post") }}</section>\n',
    )
    kit = kit_with(write_kit, "theme:\n  name: child\n")
    page = render_print(kit)
    assert 'id="platforms-title">Where I post</h2>' in page
    assert 'class="hero cover' in page and 'id="contact-title"' in page  # default's, unchanged


def test_static_files_of_a_child_replace_its_parents_of_the_same_name(
    themes_dir: Path, write_kit, tmp_path: Path
) -> None:
    write(themes_dir / "child/theme.yaml", "extends: default\n")
    write(themes_dir / "child/static/base.css", "/* child base */\n")
    write(themes_dir / "child/static/extra.css", "/* extra */\n")
    kit = kit_with(write_kit, "theme:\n  name: child\n")
    build_kit(kit, tmp_path / "out", BuildOptions(pdf=False, today=TODAY))
    assets = tmp_path / "out/assets"
    assert (assets / "base.css").read_text() == "/* child base */\n"
    assert (assets / "extra.css").read_text() == "/* extra */\n"
    assert (assets / "site.css").read_bytes() == (
        REAL_THEMES / "default/static/site.css"
    ).read_bytes()
    assert (assets / "fonts/Inter-Regular.otf").is_file()


def test_defaults_come_from_the_nearest_theme_and_the_kit_beats_them(
    themes_dir: Path, write_kit
) -> None:
    write(themes_dir / "middle/theme.yaml", 'extends: default\naccent: "#7a1fa2"\npaper: letter\n')
    write(
        themes_dir / "leaf/theme.yaml", "extends: middle\nsections: [contact, platforms, profile]\n"
    )
    theme = find_theme("leaf")
    assert [t.name for t in theme.chain] == ["leaf", "middle", "default"]
    assert (theme.accent, theme.paper, theme.sections) == (
        "#7a1fa2",
        "letter",
        ["contact", "platforms", "profile"],
    )

    inherited = render_print(kit_with(write_kit, "theme:\n  name: leaf\n"))
    assert "size: letter;" in inherited and "--accent: #7a1fa2;" in inherited
    # On paper the cover (profile and contact) comes first, then the others in order.
    assert shown_sections(inherited) == ["hero", "section--platforms"]

    own = render_print(
        kit_with(write_kit, 'theme:\n  name: leaf\n  paper: A4\n  accent: "#225522"\n')
    )
    assert "size: A4;" in own and "--accent: #225522;" in own


def shown_sections(page: str) -> list[str]:
    """The sections of a page in order; the profile is the `hero` header."""
    pattern = r'class="(?:section (section--\w+)|(hero))[ "]'
    return [section or hero for section, hero in re.findall(pattern, page)]


def render_print(kit: Path, theme: str | None = None) -> str:
    """The PDF's HTML, without running WeasyPrint."""
    checked = check_kit(kit, today=TODAY)
    options = BuildOptions(theme=theme, today=TODAY)
    staging = kit.parent / "staging"
    context = prepare_render(checked.document, checked.kit, checked.stats, staging, options)
    return context.print_page(context.view("print", None, prices=True))


def test_a_loop_of_extends_is_an_error_naming_the_theme_file(themes_dir: Path) -> None:
    write(themes_dir / "first/theme.yaml", "description: One\nextends: second\n")
    second = write(themes_dir / "second/theme.yaml", "extends: first\n")
    with pytest.raises(KitError) as error:
        find_theme("first")
    message = str(error.value)
    assert "loop: first -> second -> first" in message
    # Found while reading the second theme: its `extends` closes the loop.
    assert message.startswith(f"{second}:1:10  extends: themes cannot extend")


def test_an_unknown_parent_is_an_error_at_its_line(themes_dir: Path) -> None:
    path = write(themes_dir / "child/theme.yaml", "description: Mine\nextends: defualt\n")
    with pytest.raises(KitError) as error:
        find_theme("child")
    assert str(error.value).startswith(f'{path}:2:10  extends: found "defualt"')
    assert "available themes: child, default" in str(error.value)


@pytest.mark.parametrize(
    ("text", "where", "words"),
    [
        # At the "[" left open (line 1, column 10), not where the parser gave up.
        ("extends: [default\n", ":1:10", 'this "[" opens a list that is not closed'),
        ("description: Fine\ncolour: '#ff0000'\n", ":2:1", 'unknown key "colour"'),
        ("accent: red\n", ":1:9", "expected a colour written #RRGGBB"),
    ],
)
def test_a_malformed_theme_yaml_is_reported_at_its_line(
    themes_dir: Path, write_kit, runner, text: str, where: str, words: str
) -> None:
    path = write(themes_dir / "broken/theme.yaml", text)
    kit = kit_with(write_kit, "theme:\n  name: broken\n")
    result = runner.invoke(cli, ["build", str(kit), "--no-pdf"])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{path}{where}") and words in result.stderr
    assert "Traceback" not in result.output


# ---------- The kit's own templates ----------


def test_a_template_beside_the_kit_replaces_the_themes(write_kit, tmp_path: Path) -> None:
    kit = kit_with(write_kit)
    # The prefix reaches the theme's own file; autoescaping stays on.
    write(
        tmp_path / "templates/404.html",
        '{{ "<b>" }} mine, then the theme\'s: {% include "default/404.html" %}',
    )
    build_kit(kit, tmp_path / "out", BuildOptions(pdf=False, today=TODAY))
    page = (tmp_path / "out/404.html").read_text()
    assert page.startswith("&lt;b&gt; mine, then the theme's: <!doctype html>")
    assert "Go to the media kit" in page
    assert "&lt;b&gt;" not in (tmp_path / "out/index.html").read_text()  # others untouched


def test_a_syntax_error_in_the_kits_template_is_located_without_a_traceback(
    write_kit, tmp_path: Path, runner
) -> None:
    kit = kit_with(write_kit)
    template = write(tmp_path / "templates/index.html", "<p>\n{% if kit.name %}\n<p>\n")
    result = runner.invoke(cli, ["build", str(kit), "--no-pdf"])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{template}:3  template error:")
    assert "Traceback" not in result.output


def test_a_missing_value_in_the_kits_template_is_located(write_kit, tmp_path: Path) -> None:
    kit = kit_with(write_kit)
    template = write(tmp_path / "templates/404.html", "<p>\n{{ kit.nmae }}\n")
    with pytest.raises(KitError) as error:
        build_kit(kit, tmp_path / "out", BuildOptions(pdf=False, today=TODAY))
    assert str(error.value).startswith(f"{template}:2  template error:")
    assert "nmae" in str(error.value)


def test_a_template_linked_from_outside_the_kit_folder_is_refused(
    write_kit, tmp_path: Path
) -> None:
    kit_dir = tmp_path / "kit"
    kit_dir.mkdir()
    kit = kit_dir / "mediakit.yaml"
    kit.write_text(MINIMAL_KIT, encoding="utf-8")
    secret = write(tmp_path / "secret.txt", "do not publish")
    (kit_dir / "templates").mkdir()
    (kit_dir / "templates/404.html").symlink_to(secret)
    with pytest.raises(KitError, match="leads outside the kit's folder"):
        build_kit(kit, tmp_path / "out", BuildOptions(pdf=False, today=TODAY))
    assert list((tmp_path / "out").rglob("*.html")) == []  # nothing was published


# ---------- Themes installed with pip (entry points) ----------


def install_fake_distribution(site: Path, entry_points: str) -> None:
    """What pip leaves behind: a package and its .dist-info with entry_points.txt."""
    write(site / "sunset_theme/__init__.py", "raise RuntimeError('listing must not import me')\n")
    write(site / "sunset_theme/theme.yaml", "description: Warm dusk colours.\nextends: default\n")
    write(site / "sunset_theme/templates/404.html", "<p>Sunset 404</p>\n")
    info = site / "mediakit_theme_sunset-1.0.dist-info"
    write(info / "METADATA", "Metadata-Version: 2.1\nName: mediakit-theme-sunset\nVersion: 1.0\n")
    write(info / "entry_points.txt", entry_points)


def test_a_theme_installed_with_pip_is_found_through_its_entry_point(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runner, write_kit
) -> None:
    install_fake_distribution(
        tmp_path / "site",
        "[mediakit.themes]\nsunset = sunset_theme\ndefault = sunset_theme\n",
    )
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    themes = available_themes()
    assert themes["sunset"].origin == "mediakit-theme-sunset"
    assert themes["sunset"].folder == tmp_path / "site/sunset_theme"
    # A package cannot take a built-in theme's name.
    assert themes["default"].origin == "built-in"

    listing = runner.invoke(cli, ["themes"])
    assert listing.exit_code == 0
    assert "Warm dusk colours.  (mediakit-theme-sunset, extends default)" in listing.stdout
    assert 'entry point "default = sunset_theme" is ignored' in listing.stderr

    kit = kit_with(write_kit, "theme:\n  name: sunset\n")
    build_kit(kit, tmp_path / "out", BuildOptions(pdf=False, today=TODAY))
    assert (tmp_path / "out/404.html").read_text() == "<p>Sunset 404</p>"


def install_broken_distribution(site: Path, marker: Path) -> None:
    """A package whose code raises on import, with two themes inside it (a dotted entry
    point: Python's import machinery runs the package's __init__ to find them)."""
    write(
        site / "studio_themes/__init__.py",
        f"open({str(marker)!r}, 'w').close()\nraise RuntimeError('studio_themes is broken')\n",
    )
    write(site / "studio_themes/dusk/theme.yaml", "description: Dusk.\nextends: default\n")
    write(site / "studio_themes/dusk/templates/404.html", "<p>Dusk 404</p>\n")
    write(site / "studio_themes/bare/README.txt", "no theme.yaml here\n")
    info = site / "studio_themes-2.0.dist-info"
    write(info / "METADATA", "Metadata-Version: 2.1\nName: studio-themes\nVersion: 2.0\n")
    write(
        info / "entry_points.txt",
        "[mediakit.themes]\ndusk = studio_themes.dusk\nbare = studio_themes.bare\n"
        "gone = studio_themes.uninstalled\n",
    )


def test_a_package_that_raises_on_import_breaks_no_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runner, write_kit
) -> None:
    ran = tmp_path / "imported"
    install_broken_distribution(tmp_path / "site", ran)
    monkeypatch.syspath_prepend(str(tmp_path / "site"))

    listing = runner.invoke(cli, ["themes"])
    assert listing.exit_code == 0, listing.output
    assert "Traceback" not in listing.output
    listed = [line.split()[0] for line in listing.stdout.splitlines()]
    assert listed == sorted([*BUILT_IN, "dusk"])
    assert "Dusk.  (studio-themes, extends default)" in listing.stdout
    # The package's themes that cannot be used are named, with the reason.
    assert 'note: the theme "bare" installed by studio-themes cannot be used' in listing.stderr
    assert "studio_themes/bare has no theme.yaml" in listing.stderr
    assert 'note: the theme "gone" installed by studio-themes' in listing.stderr

    out = tmp_path / "out"
    built = runner.invoke(cli, ["build", str(kit_with(write_kit)), "-o", str(out), "--no-pdf"])
    assert built.exit_code == 0, built.output
    # Its theme works: its folder is found without running the package's code.
    kit = kit_with(write_kit, "theme:\n  name: dusk\n")
    build_kit(kit, tmp_path / "dusk", BuildOptions(pdf=False, today=TODAY))
    assert (tmp_path / "dusk/404.html").read_text() == "<p>Dusk 404</p>"
    assert not ran.exists()


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("bare", "has no theme.yaml"),
        ("gone", 'there is no module "studio_themes.uninstalled"'),
    ],
)
def test_a_chosen_theme_that_cannot_be_loaded_is_an_error_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runner, write_kit, name: str, reason: str
) -> None:
    install_broken_distribution(tmp_path / "site", tmp_path / "imported")
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    kit = kit_with(write_kit, f"theme:\n  name: {name}\n")
    result = runner.invoke(cli, ["build", str(kit), "--no-pdf"])
    assert result.exit_code == 1
    line = MINIMAL_KIT.count("\n") + 2  # the line under `theme:`
    assert result.stderr.startswith(f"{kit}:{line}:9  theme.name: ")
    assert f'the theme "{name}" installed by studio-themes cannot be used' in result.stderr
    assert reason in result.stderr and "reinstall" in result.stderr
    assert "Traceback" not in result.output
    # Named on the command line, it is the same error without a kit line.
    option = runner.invoke(cli, ["build", str(kit_with(write_kit)), "--theme", name])
    assert option.exit_code == 1
    assert option.stderr.startswith(f'mediakit  --theme: the theme "{name}" installed by')


def test_an_installed_theme_is_only_looked_at_when_chosen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runner, write_kit
) -> None:
    install_broken_distribution(tmp_path / "site", tmp_path / "imported")
    monkeypatch.syspath_prepend(str(tmp_path / "site"))

    def broken_finder(module: str) -> Path:
        raise ImportError(f"the finder of an editable install of {module} is broken")

    monkeypatch.setattr(mediakit.render.themes, "_package_folder", broken_finder)
    out = tmp_path / "out"
    built = runner.invoke(cli, ["build", str(kit_with(write_kit)), "-o", str(out), "--no-pdf"])
    assert built.exit_code == 0, built.output
    listing = runner.invoke(cli, ["themes"])
    assert listing.exit_code == 0 and "default" in listing.stdout
    assert "finding it failed (ImportError: the finder of an editable install" in listing.stderr
    chosen = runner.invoke(cli, ["build", str(kit_with(write_kit)), "--theme", "dusk"])
    assert chosen.exit_code == 1 and "Traceback" not in chosen.output
    assert '--theme: the theme "dusk" installed by studio-themes cannot be used' in chosen.stderr


# ---------- --theme ----------


def test_theme_option_overrides_the_kits_theme(write_kit, tmp_path: Path, runner) -> None:
    kit = kit_with(write_kit, "theme:\n  name: default\n")
    result = runner.invoke(
        cli, ["build", str(kit), "-o", str(tmp_path / "out"), "--no-pdf", "--theme", "editorial"]
    )
    assert result.exit_code == 0, result.output
    index = (tmp_path / "out/index.html").read_text()
    assert 'href="assets/editorial-site.css"' in index
    assert "--accent: #d7261e;" in index  # editorial's accent: the kit sets none
    assert (tmp_path / "out/assets/editorial-site.css").is_file()
    assert not (tmp_path / "out/assets/editorial-print.css").exists()  # served the PDF only


def test_an_unknown_theme_option_lists_the_available_themes(write_kit, runner) -> None:
    kit = kit_with(write_kit)
    result = runner.invoke(cli, ["build", str(kit), "--theme", "fancy"])
    assert result.exit_code == 1
    assert '--theme: found "fancy", but there is no such theme' in result.stderr
    assert "available themes: default, editorial, playful" in result.stderr


def test_an_unknown_theme_in_the_kit_is_located(write_kit, runner) -> None:
    kit = kit_with(write_kit, "theme:\n  name: fancy\n")
    result = runner.invoke(cli, ["build", str(kit), "--no-pdf"])
    assert result.exit_code == 1
    line = MINIMAL_KIT.count("\n") + 2  # the line under `theme:`
    assert result.stderr.startswith(f'{kit}:{line}:9  theme.name: found "fancy"')


# ---------- The built-in themes ----------


@pytest.mark.slow  # a PDF in every theme: the layout tests
@pytest.mark.parametrize("theme", BUILT_IN)
@pytest.mark.parametrize("kit", SAMPLE_KITS, ids=lambda path: path.parent.name)
def test_every_built_in_theme_builds_each_sample(theme: str, kit: Path, tmp_path: Path) -> None:
    result = build_kit(kit, tmp_path / "site", BuildOptions(theme=theme, today=TODAY))
    assert result.pdf is not None
    assert result.pdf.stat().st_size < 1_000_000  # small enough to attach to an email
    reader = PdfReader(result.pdf)
    text = "".join(page.extract_text() for page in reader.pages)
    name = re.search(r"name: (.+)", kit.read_text(encoding="utf-8"))
    assert name and name[1].strip() in text
    stylesheets = find_theme(theme).stylesheets
    index = (tmp_path / "site/index.html").read_text()
    assert f'href="assets/{stylesheets.site}"' in index
    for url in css_imports(tmp_path / "site/assets", stylesheets.site):
        assert (tmp_path / "site/assets" / url).is_file(), url


def css_imports(folder: Path, name: str) -> list[str]:
    """Every file a stylesheet pulls in, itself included, through @import and url()."""
    text = (folder / name).read_text(encoding="utf-8")
    found = [name]
    for url in re.findall(r'url\("([^"]+)"\)', text):
        found += css_imports(folder, url) if url.endswith(".css") else [url]
    return found


def root_colours(theme: ResolvedTheme) -> dict[str, str]:
    """The `:root` colours the site sees: each stylesheet in import order, later ones winning."""
    folders = [*reversed(theme.static_folders)]  # the child's files hide its parent's

    def source(name: str) -> str:
        return next(f / name for f in folders if (f / name).is_file()).read_text(encoding="utf-8")

    colours: dict[str, str] = {}
    for name in css_imports_in(source, theme.stylesheets.site):
        for block in re.findall(r":root\s*\{([^}]*)\}", source(name)):
            colours.update(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6})\b", block))
    return colours


def css_imports_in(source, name: str) -> list[str]:
    """Stylesheets in cascade order: what a file imports comes before the file's own rules."""
    order: list[str] = []
    for url in re.findall(r'@import url\("([^"]+)"\)', source(name)):
        order += css_imports_in(source, url)
    return [*order, name]


@pytest.mark.parametrize("name", BUILT_IN)
def test_every_theme_accent_and_text_meet_wcag_aa_on_its_surfaces(name: str) -> None:
    theme = find_theme(name)
    colours = root_colours(theme)
    # theme.yaml and the stylesheet agree, and the accent needs no darkening.
    assert theme.accent == colours["accent"]
    # theme.yaml names the backgrounds a kit's accent must read on: the stylesheet's.
    assert sorted(theme.backgrounds) == sorted({colours["surface"], colours["canvas"]})
    assert readable_accent(theme.accent, theme.backgrounds) == theme.accent
    accent = parse_hex(theme.accent)
    assert contrast_ratio(WHITE, accent) >= 4.5  # white text on buttons and tags
    for page in ("canvas", "surface"):  # eyebrows and labels are set in the accent
        assert contrast_ratio(accent, parse_hex(colours[page])) >= 4.5, page
    backgrounds = ["canvas", "surface", "chip"] + [c for c in colours if c.startswith("tint-")]
    for background in backgrounds:
        surface = parse_hex(colours[background])
        for text in ("ink", "ink-soft", "muted"):
            ratio = contrast_ratio(parse_hex(colours[text]), surface)
            assert ratio >= 4.5, f"{text} on {background}: {ratio:.2f}"


@pytest.mark.parametrize("name", BUILT_IN)
def test_sections_follow_the_kits_order_and_empty_ones_are_left_out(
    name: str, write_kit, tmp_path: Path
) -> None:
    # The minimal kit has no rates, audience or collaborations.
    kit = kit_with(
        write_kit, f"theme:\n  name: {name}\n  sections: [contact, rates, platforms, profile]\n"
    )
    build_kit(kit, tmp_path / "out", BuildOptions(pdf=False, today=TODAY))
    site = (tmp_path / "out/index.html").read_text()
    assert shown_sections(site) == ["section--contact", "section--platforms", "hero"]
    # On paper page 1 is the cover, with the profile and the contact; then the kit's order.
    paper = render_print(kit)
    assert shown_sections(paper) == ["hero", "section--platforms"]
    assert paper.index('id="contact-title"') < paper.index("section--platforms")


def test_a_kit_accent_is_darkened_until_it_reads_on_a_tinted_page(
    themes_dir: Path, write_kit, tmp_path: Path
) -> None:
    # Readable on white (4.5:1 exactly reached by the adjustment) but not on a
    # theme's cream page: the build darkens it for that theme only.
    write(
        themes_dir / "cream/theme.yaml", 'extends: default\nbackgrounds: ["#ffffff", "#fff6ec"]\n'
    )
    on_white = readable_accent("#6f94c4")
    cream = parse_hex("#fff6ec")
    assert contrast_ratio(parse_hex(on_white), cream) < 4.5
    kit = kit_with(write_kit, f'theme:\n  name: cream\n  accent: "{on_white}"\n')
    build_kit(kit, tmp_path / "site", BuildOptions(pdf=False))
    html = (tmp_path / "site" / "index.html").read_text()
    used = re.search(r"--accent: (#[0-9a-f]{6})", html)
    assert used and used.group(1) != on_white
    assert contrast_ratio(parse_hex(used.group(1)), cream) >= 4.5
    assert contrast_ratio(parse_hex(used.group(1)), WHITE) >= 4.5


# ---------- Playful: every colour follows the kit's accent ----------

# The darkest tints any accent can give (mediakit/images/accent.py, mix_with_white):
# each channel c becomes c + (255 - c) x white, at least 255 x white, with c = 0:
# --accent-soft (86 % white): 255 x 0.86 = 219.3, written 219 = #db;
# --accent-wash (94 % white): 255 x 0.94 = 239.7, written 240 = #f0.
# Contrast only grows as a background gets lighter, so text that reads on
# these reads on the tints of every accent.
DARKEST_SOFT = "#dbdbdb"
DARKEST_WASH = "#f0f0f0"


def test_the_darkest_tints_are_those_of_black() -> None:
    assert mix_with_white("#000000", 0.86) == DARKEST_SOFT
    assert mix_with_white("#000000", 0.94) == DARKEST_WASH


def test_playful_text_reads_on_the_tints_of_any_accent() -> None:
    # playful.css sets ink, ink-soft and muted on the accent's tints, and white
    # on the accent itself; mediakit darkens any accent until white reads on it.
    colours = root_colours(find_theme("playful"))
    for text in ("ink", "ink-soft", "muted"):
        for tint in (DARKEST_SOFT, DARKEST_WASH):
            ratio = contrast_ratio(parse_hex(colours[text]), parse_hex(tint))
            assert ratio >= 4.5, f"{text} on {tint}: {ratio:.2f}"
    for picked in ("#ffff00", "#00ff00", "#6f94c4", "#ff0000", "#b8246a"):
        accent = readable_accent(picked, find_theme("playful").backgrounds)
        assert contrast_ratio(WHITE, parse_hex(accent)) >= 4.5, picked


def playful_stylesheets() -> str:
    """The playful theme's own CSS, without its comments."""
    text = "".join(
        path.read_text(encoding="utf-8")
        for path in sorted((REAL_THEMES / "playful/static").glob("*.css"))
    )
    return re.sub(r"/\*.*?\*/", "", text, flags=re.DOTALL)


def test_playful_has_no_colour_of_its_own_but_the_accent() -> None:
    # No fixed pastels: the theme's tints are the kit's (--accent-soft and
    # --accent-wash, set by the page), and every other colour it names is a
    # near-grey, whose red, green and blue differ by at most 16 of 255.
    accent_tokens = {"accent", "accent-soft", "accent-wash"}
    text = playful_stylesheets()
    named = re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6})\b", text)
    assert {name for name, _ in named} >= accent_tokens
    theme_accent = find_theme("playful").accent
    assert theme_accent is not None
    defaults = {
        "accent": theme_accent,
        "accent-soft": mix_with_white(theme_accent, 0.86),
        "accent-wash": mix_with_white(theme_accent, 0.94),
    }
    for name, value in named:
        if name in accent_tokens:
            assert value.lower() == defaults[name], name  # what the page sets without a kit accent
        else:
            channels = parse_hex(value)
            assert max(channels) - min(channels) <= 16, f"--{name}: {value} is a colour"
    # Outside the custom properties, colours are the variables, never a hex.
    outside = re.sub(r"--[\w-]+:\s*#[0-9a-fA-F]{6}\b", "", text)
    assert re.findall(r"#[0-9a-fA-F]{3,6}\b", outside) == []


def test_playful_tints_follow_the_kits_accent(write_kit, tmp_path: Path) -> None:
    kit = kit_with(write_kit, 'theme:\n  name: playful\n  accent: "#1f6f3a"\n')
    build_kit(kit, tmp_path / "site", BuildOptions(pdf=False, today=TODAY))
    html = (tmp_path / "site" / "index.html").read_text()
    # #1f6f3a already gives white 6.2:1, so it is kept; its tints are worked out
    # channel by channel: 31 + 224 x 0.86 = 223.6 (e0), 111 + 144 x 0.86 = 234.8 (eb),
    # 58 + 197 x 0.86 = 227.4 (e3); and at 0.94: 241.6 (f2), 246.4 (f6), 243.2 (f3).
    assert "--accent: #1f6f3a; --accent-soft: #e0ebe3; --accent-wash: #f2f6f3;" in html


def test_auto_accent_without_a_photo_takes_the_themes_accent(write_kit, tmp_path: Path) -> None:
    # Charts, the share card, the icons and the 404 page all draw with the
    # accent: with nothing to pick it from, it is the chosen theme's, not default's.
    kit = kit_with(write_kit, "theme:\n  name: editorial\n  accent: auto\n")
    build_kit(kit, tmp_path / "site", BuildOptions(pdf=False))
    editorial = find_theme("editorial").accent
    assert editorial is not None and editorial != find_theme("default").accent
    for page in ("index.html", "404.html"):
        assert f"--accent: {editorial}" in (tmp_path / "site" / page).read_text()


# Contrast, worked by hand: a colour's relative luminance is
# L = 0.2126 R + 0.7152 G + 0.0722 B of its linearised channels,
# ((c / 255 + 0.055) / 1.055) ** 2.4, and a contrast is
# (L of the lighter + 0.05) / (L of the darker + 0.05).
#   white            255, 255, 255 -> L = 1
#   ink      #1f1b24  31,  27,  36 -> 0.0137, 0.0110, 0.0176 -> L = 0.0120
#   ink-soft #3a3542  58,  53,  66 -> 0.0423, 0.0356, 0.0545 -> L = 0.0384
#   muted    #5b5563  91,  85,  99 -> 0.1046, 0.0908, 0.1248 -> L = 0.0962
# Playful's berry, the accent of a kit that sets none, and its tints
# (mix_with_white: c + (255 - c) x 0.86 for soft, x 0.94 for wash):
#   accent #b8246a  184,  36, 106 -> 0.4793, 0.0176, 0.1441 -> L = 0.1249
#   soft   #f5e0ea  184 + 71 x 0.86 = 245.1, 36 + 219 x 0.86 = 224.3, 106 + 149 x 0.86 = 234.1
#                   -> 0.9131, 0.7454, 0.8228 -> L = 0.7866
#   wash   #fbf2f6  250.7, 241.9, 246.1 -> 0.9647, 0.8879, 0.9216 -> L = 0.9067
BERRY_PAIRS = {
    # (text, background): contrast
    ("on-accent", "accent"): 1.05 / 0.1749,  # 6.00: the name band, first sticker, price tags
    ("ink", "accent-soft"): 0.8366 / 0.0620,  # 13.49: card and collaboration header bands
    ("ink-soft", "accent-soft"): 0.8366 / 0.0884,  # 9.46: a collaboration's date and platform
    ("muted", "accent-soft"): 0.8366 / 0.1462,  # 5.72: the lightest text on the darker tint
    ("ink", "accent-wash"): 0.9567 / 0.0620,  # 15.43: quotes in their bubbles
    ("ink-soft", "accent-wash"): 0.9567 / 0.0884,  # 10.82: result labels, the cover's date
    ("muted", "accent-wash"): 0.9567 / 0.1462,  # 6.54: notes on the site's washed page
}


def accent_colours(html: str) -> dict[str, str]:
    """The accent and its tints as the built page sets them."""
    found = re.search(
        r"--accent: (#[0-9a-f]{6}); --accent-soft: (#[0-9a-f]{6}); --accent-wash: (#[0-9a-f]{6});",
        html,
    )
    assert found, "the page sets no accent"
    return dict(zip(("accent", "accent-soft", "accent-wash"), found.groups(), strict=True))


def test_playful_sets_text_on_its_colours_only_in_the_pairs_checked_here() -> None:
    # Every rule of playful's stylesheets that gives a box an accent colour as
    # background and also sets its text colour sets one of the pairs below.
    pairs = set()
    for body in re.findall(r"\{([^{}]*)\}", playful_stylesheets()):
        background = re.search(r"background(?:-color)?:\s*var\(--(accent[\w-]*)\)", body)
        colour = re.search(r"(?<![\w-])color:\s*var\(--([\w-]+)\)", body)
        if background and colour:
            pairs.add((colour[1], background[1]))
    assert pairs, "no coloured box found: the stylesheet reader is broken"
    assert pairs <= set(BERRY_PAIRS), pairs - set(BERRY_PAIRS)


def test_playful_text_reads_on_the_berry_and_its_tints_as_the_page_draws_them(
    write_kit, tmp_path: Path
) -> None:
    kit = kit_with(write_kit, "theme:\n  name: playful\n")
    build_kit(kit, tmp_path / "site", BuildOptions(pdf=False, today=TODAY))
    colours = root_colours(find_theme("playful")) | accent_colours(
        (tmp_path / "site/index.html").read_text()
    )
    assert (colours["accent"], colours["accent-soft"], colours["accent-wash"]) == (
        "#b8246a",
        "#f5e0ea",
        "#fbf2f6",
    )
    for (text, background), by_hand in BERRY_PAIRS.items():
        ratio = contrast_ratio(parse_hex(colours[text]), parse_hex(colours[background]))
        assert ratio == pytest.approx(by_hand, abs=0.02), (text, background)
        assert ratio >= 4.5, (text, background)


def test_playful_darkens_a_pale_kit_accent_so_every_pair_still_reads(
    write_kit, tmp_path: Path
) -> None:
    # Yellow #ffd400 (L = 0.2126 x 1 + 0.7152 x 0.6584 + 0 = 0.6835) gives white
    # 1.05 / 0.7335 = 1.43:1, so the build darkens it, keeping its hue. On this
    # machine it lands on #8a7200 (L = 0.1744: white on it 1.05 / 0.2244 = 4.68,
    # soft #efebdb L = 0.8288: muted on it 0.8788 / 0.1462 = 6.01); the test
    # asserts what any such colour must give, not that exact value.
    kit = kit_with(write_kit, 'theme:\n  name: playful\n  accent: "#ffd400"\n')
    build_kit(kit, tmp_path / "site", BuildOptions(pdf=False, today=TODAY))
    colours = root_colours(find_theme("playful")) | accent_colours(
        (tmp_path / "site/index.html").read_text()
    )
    red, green, blue = parse_hex(colours["accent"])
    assert blue == 0 and green / red == pytest.approx(212 / 255, abs=0.02)  # still yellow's hue
    for text, background in BERRY_PAIRS:
        ratio = contrast_ratio(parse_hex(colours[text]), parse_hex(colours[background]))
        assert ratio >= 4.5, f"{text} on {background} ({colours[background]}): {ratio:.2f}"
