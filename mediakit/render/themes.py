"""Finding themes and resolving what one inherits from another.

A theme is a folder with `theme.yaml`, `templates/` and `static/`. Built-in
themes ship inside the package (or beside it in a checkout); installed
packages add more through the `mediakit.themes` entry-point group, where each
entry point names a package whose folder is the theme. A built-in name always
means the built-in theme: a package cannot replace one by registering its name.

An installed theme is only a name until a kit chooses it: a build with
another theme never looks at its package, so a broken one cannot stop it.
Its folder is then found the way Python's import would find it, but without
running the package's code (or its parents'): a theme is data, and a package
that raises on import is no reason for its templates not to render.

`extends:` names a parent. Templates are looked up child first, then parent;
static files are copied parent first, so the child's files of the same name
win; defaults (accent, paper, sections, stylesheets) come from the nearest
theme in the chain that sets them, and the kit's own values beat them all.
"""

from __future__ import annotations

import contextlib
import importlib.machinery
import importlib.util
import re
from dataclasses import dataclass, field
from functools import cached_property
from importlib.metadata import entry_points
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field

from mediakit.errors import KitError
from mediakit.images.fonts import DrawingFonts
from mediakit.kit.load import LoadedYaml, load_yaml
from mediakit.model.base import KitModel
from mediakit.model.theme import THEME_NAME, SectionName, Theme, accent_colour, hex_colour

ENTRY_POINT_GROUP = "mediakit.themes"
BUILT_IN = "built-in"

_PACKAGE_DIR = Path(__file__).resolve().parent.parent


def builtin_themes_dir() -> Path:
    # In a wheel, `themes/` is force-included as `mediakit/themes/`; in a
    # source checkout (editable install) it stands beside the package.
    installed = _PACKAGE_DIR / "themes"
    return installed if installed.is_dir() else _PACKAGE_DIR.parent / "themes"


class Stylesheets(KitModel):
    """The stylesheet each page links, a file in the theme's `static/` folder."""

    site: str = Field(pattern=r"^[\w][\w.-]*\.css$")
    print: str = Field(pattern=r"^[\w][\w.-]*\.css$")


class ImageFonts(KitModel):
    """The fonts the share card and the favicon are drawn with, files in the theme's `static/`."""

    regular: str = Field(pattern=r"^[\w][\w./-]*\.(otf|ttf|ttc)$")
    bold: str = Field(pattern=r"^[\w][\w./-]*\.(otf|ttf|ttc)$")


class ThemeSettings(KitModel):
    """What `theme.yaml` may hold."""

    description: str = Field(default="", max_length=200)
    """One line for `mediakit themes`."""
    extends: str | None = Field(default=None, pattern=THEME_NAME.pattern)
    """The theme this one builds on."""
    accent: Annotated[str, BeforeValidator(accent_colour)] | None = None
    paper: Literal["A4", "letter"] | None = None
    sections: list[SectionName] | None = None
    stylesheets: Stylesheets | None = None
    backgrounds: list[Annotated[str, BeforeValidator(hex_colour)]] | None = None
    """Colours the accent is set on as text (page, cards): a kit's accent is
    darkened until it reads at 4.5:1 on each."""
    image_fonts: ImageFonts | None = None
    """The fonts of the pictures mediakit draws (share card, favicon)."""


@dataclass(frozen=True)
class ThemeFolder:
    """One theme: a folder with theme.yaml, templates/ and static/, read when first needed."""

    name: str
    folder: Path
    origin: str = BUILT_IN  # or the name of the package that installed it

    @property
    def templates(self) -> Path:
        return self.folder / "templates"

    @property
    def static(self) -> Path:
        return self.folder / "static"

    @property
    def settings_file(self) -> Path:
        return self.folder / "theme.yaml"

    @cached_property
    def document(self) -> LoadedYaml:
        return load_yaml(self.settings_file)

    @cached_property
    def settings(self) -> ThemeSettings:
        """The validated theme.yaml, or a `KitError` located in it."""
        from mediakit.kit.validate import validate_document  # imports every kit model

        if self.document.data is None:  # an empty theme.yaml sets nothing
            return ThemeSettings()
        return validate_document(self.document, ThemeSettings)


@dataclass(frozen=True)
class ResolvedTheme:
    """A theme with its ancestors: `chain[0]` is the theme asked for, the last has no parent."""

    chain: tuple[ThemeFolder, ...]

    @property
    def name(self) -> str:
        return self.chain[0].name

    @property
    def template_folders(self) -> list[Path]:
        """Where templates are looked up, first match wins."""
        return [theme.templates for theme in self.chain]

    @property
    def static_folders(self) -> list[Path]:
        """Copied in this order, so a child's file replaces its parent's of the same name."""
        return [theme.static for theme in reversed(self.chain) if theme.static.is_dir()]

    @property
    def accent(self) -> str | None:
        return next((t.settings.accent for t in self.chain if t.settings.accent), None)

    @property
    def backgrounds(self) -> list[str]:
        return next((t.settings.backgrounds for t in self.chain if t.settings.backgrounds), [])

    @property
    def paper(self) -> Literal["A4", "letter"] | None:
        return next((t.settings.paper for t in self.chain if t.settings.paper), None)

    @property
    def sections(self) -> list[SectionName] | None:
        return next((t.settings.sections for t in self.chain if t.settings.sections), None)

    @property
    def stylesheets(self) -> Stylesheets:
        found = next((t.settings.stylesheets for t in self.chain if t.settings.stylesheets), None)
        return found or Stylesheets(site="site.css", print="print.css")

    @property
    def image_fonts(self) -> DrawingFonts:
        """The nearest theme's `image_fonts`, as files in that theme's `static/`."""
        for theme in self.chain:
            if (fonts := theme.settings.image_fonts) is not None:
                return DrawingFonts(theme.static / fonts.regular, theme.static / fonts.bold)
        return DrawingFonts()  # the system's fonts alone

    @property
    def print_only_stylesheets(self) -> set[str]:
        """Stylesheets that only serve the PDF: a built site leaves them out."""
        sheets = {t.settings.stylesheets.print for t in self.chain if t.settings.stylesheets}
        return (sheets | {self.stylesheets.print}) - {self.stylesheets.site}


class UnusableTheme(KitError):
    """An installed theme that was chosen but cannot be found or read."""


@dataclass(frozen=True)
class InstalledTheme:
    """A theme registered by an installed package: a name, until a kit chooses it."""

    name: str
    module: str
    package: str  # the distribution that registered it

    @property
    def entry_point(self) -> str:
        return f'{self.package}\'s entry point "{self.name} = {self.module}"'

    def locate(self) -> ThemeFolder:
        """The theme's folder, or a `KitError` naming the theme and its package."""
        try:
            folder = _package_folder(self.module)
        except Exception as error:  # a broken install: its finder, its metadata...
            raise self._unusable(f"finding it failed ({type(error).__name__}: {error})") from None
        if folder is None:
            raise self._unusable(f'there is no module "{self.module}"')
        if not (folder / "theme.yaml").is_file():
            raise self._unusable(f"{folder} has no theme.yaml")
        return ThemeFolder(self.name, folder, self.package)

    def _unusable(self, reason: str) -> UnusableTheme:
        return UnusableTheme(
            f'the theme "{self.name}" installed by {self.package} cannot be used: {reason} '
            f"({self.entry_point}); reinstall {self.package}, or choose another theme"
        )


@dataclass
class Discovery:
    """Every theme's name, and what was found but left out (for `mediakit themes`).

    Built-in themes are folders; installed ones are located only when used."""

    builtin: dict[str, ThemeFolder] = field(default_factory=dict)
    installed: dict[str, InstalledTheme] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @property
    def names(self) -> list[str]:
        return sorted({*self.builtin, *self.installed})

    def locate(self, name: str) -> ThemeFolder:
        """The folder of theme `name` (which exists), or a `KitError` naming its package."""
        return self.builtin.get(name) or self.installed[name].locate()


def discover_themes() -> Discovery:
    """The built-in themes and the names installed packages register; no package is imported."""
    found = Discovery()
    root = builtin_themes_dir()
    for folder in sorted(root.iterdir()) if root.is_dir() else []:
        if (folder / "theme.yaml").is_file():
            found.builtin[folder.name] = ThemeFolder(folder.name, folder)
    for theme in _entry_points(found.notes):
        if theme.name in found.builtin:
            found.notes.append(
                f'{theme.entry_point} is ignored: "{theme.name}" is already the built-in theme'
            )
        elif theme.name in found.installed:
            owner = found.installed[theme.name].package
            found.notes.append(
                f'{theme.entry_point} is ignored: "{theme.name}" is already {owner}\'s theme'
            )
        elif not THEME_NAME.fullmatch(theme.name):
            found.notes.append(
                f"{theme.entry_point} is ignored: a theme name is lower-case letters, digits, - and _"
            )
        else:
            found.installed[theme.name] = theme
    return found


def available_themes() -> dict[str, ThemeFolder]:
    """Every theme that can be used, each located (installed ones that cannot are left out)."""
    found = discover_themes()
    themes = dict(found.builtin)
    for name, theme in found.installed.items():
        with contextlib.suppress(KitError):
            themes[name] = theme.locate()
    return themes


def unknown_theme(name: str) -> str | None:
    """What is wrong with `name` as a theme name, listing the themes there are; None if it exists."""
    names = discover_themes().names
    if name in names:
        return None
    return f'found "{name}", but there is no such theme; {_listing(names)}'


def find_theme(name: str) -> ResolvedTheme:
    """The theme called `name` with its ancestors, or a `KitError` listing what exists.

    Only the themes of the chain are located: an installed theme that cannot
    be is an error naming it and its package."""
    found = discover_themes()
    if name not in found.names:
        raise KitError(f'found "{name}", but there is no such theme; {_listing(found.names)}')
    chain = [found.locate(name)]
    while (parent := chain[-1].settings.extends) is not None:
        document = chain[-1].document
        if parent not in found.names:
            message = f'found "{parent}", but there is no such theme; {_listing(found.names)}'
            raise KitError([document.problem(("extends",), message)])
        if any(theme.name == parent for theme in chain):
            loop = " -> ".join([*(theme.name for theme in chain), parent])
            message = f"themes cannot extend each other in a loop: {loop}"
            raise KitError([document.problem(("extends",), message)])
        try:
            chain.append(found.locate(parent))
        except KitError as error:
            raise KitError([document.problem(("extends",), error.problems[0].message)]) from None
    return ResolvedTheme(tuple(chain))


def _listing(names: list[str]) -> str:
    return f"available themes: {', '.join(names) or 'none'}"


def _entry_points(notes: list[str]) -> list[InstalledTheme]:
    """Every registered theme, in a stable order; an entry point that cannot be read is noted."""
    found = []
    for point in entry_points(group=ENTRY_POINT_GROUP):
        try:
            package = (point.dist.name if point.dist else None) or "an installed package"
            found.append(InstalledTheme(point.name, point.value.strip(), package))
        except Exception as error:  # metadata a broken install left behind
            notes.append(f'the entry point "{point.name}" is ignored: {error}')
    return sorted(found, key=lambda theme: (theme.package.lower(), theme.name))


def _package_folder(module: str) -> Path | None:
    """The folder of package (or module) `module`, found without running its code.

    `importlib.util.find_spec("a.b")` imports `a`, running its `__init__`.
    Only the top-level name is looked up by Python's finders (which find a
    name without importing it); each further part is looked for in the
    folders of the part before it, as Python's import would."""
    if not re.fullmatch(r"[A-Za-z_]\w*(\.[A-Za-z_]\w*)*", module):
        return None  # `package:attribute` and other forms are not theme folders
    top, *parts = module.split(".")
    spec = importlib.util.find_spec(top)
    if spec is None:
        return None
    if not spec.submodule_search_locations:  # a module, not a package
        return Path(spec.origin).parent if spec.origin and not parts else None
    folders = [Path(folder) for folder in spec.submodule_search_locations]
    for index, part in enumerate(parts):
        if package := next((f / part for f in folders if (f / part).is_dir()), None):
            folders = [package]
        elif index == len(parts) - 1:
            return _folder_holding_module(folders, part)
        else:
            return None
    return folders[0]


def _folder_holding_module(folders: list[Path], name: str) -> Path | None:
    """The first of `folders` with a module `name` (name.py, a compiled extension...)."""
    for folder in folders:
        if any((folder / f"{name}{s}").is_file() for s in importlib.machinery.all_suffixes()):
            return folder
    return None


def with_theme_defaults(chosen: Theme, theme: ResolvedTheme) -> Theme:
    """The kit's `theme:` settings, with what the kit leaves out taken from `theme`."""
    update: dict[str, object] = {"name": theme.name}
    defaults = {"accent": theme.accent, "paper": theme.paper, "sections": theme.sections}
    for key, value in defaults.items():
        if key not in chosen.model_fields_set and value is not None:
            update[key] = value
    return chosen.model_copy(update=update)
