"""Stage 5: HTML from Jinja templates, with autoescaping on.

Templates are looked up in the kit's own `templates/` folder first, then in
the theme and each theme it extends. `<theme>/<file>` always names that
theme's own file, so an override can extend the file it replaces:
`{% extends "default/index.html" %}`.
"""

from __future__ import annotations

import contextlib
import traceback
from collections import OrderedDict
from pathlib import Path

from babel.support import NullTranslations
from jinja2 import (
    BaseLoader,
    ChoiceLoader,
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    PrefixLoader,
    StrictUndefined,
    TemplateError,
    TemplateNotFound,
    TemplateSyntaxError,
    select_autoescape,
)
from jinja2.loaders import split_template_path

from mediakit.cache import cache_dir
from mediakit.errors import KitError, Problem
from mediakit.render.themes import ResolvedTheme
from mediakit.view.direction import dir_attribute
from mediakit.view.model import KitView
from mediakit.view.text import unbroken


class KitTemplateLoader(BaseLoader):
    """The kit's own templates: files in `folder` that stay inside `root` once links are followed."""

    def __init__(self, folder: Path, root: Path) -> None:
        self.folder = folder
        self.root = root.resolve()

    def get_source(self, environment: Environment, template: str) -> tuple[str, str, None]:
        path = self.folder.joinpath(*split_template_path(template))
        if not path.is_file():
            raise TemplateNotFound(template)
        # Like the kit's images, an override is read from the kit's folder only:
        # a link out of it could pull any file on the machine into the site.
        if not path.resolve().is_relative_to(self.root):
            raise KitError(
                [Problem("leads outside the kit's folder; copy the template into it", path)]
            )
        return path.read_text(encoding="utf-8"), str(path), None


# Compiling the templates is a good part of rendering the pages: an environment
# (with its compiled templates) is reused for as long as no file under its
# template folders has changed, which keeps `serve` and `pitch` quick.
_ENVIRONMENTS: OrderedDict[tuple[object, ...], Environment] = OrderedDict()
_KEPT_ENVIRONMENTS = 8


def _folders_state(folders: list[Path]) -> tuple[tuple[str, int, int], ...]:
    """Every file under `folders` with its modification time and size."""
    state = []
    for folder in folders:
        for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
            with contextlib.suppress(OSError):
                stat = path.stat()
                state.append((str(path), stat.st_mtime_ns, stat.st_size))
    return tuple(state)


def template_environment(
    theme: ResolvedTheme, translations: NullTranslations, kit_templates: Path | None = None
) -> Environment:
    """Jinja for `theme`; files in `kit_templates` (beside the kit) replace the theme's."""
    folders = [*([kit_templates] if kit_templates else []), *(t.templates for t in theme.chain)]
    key = (id(translations), tuple(map(str, folders)), _folders_state(folders))
    if (cached := _ENVIRONMENTS.get(key)) is not None:
        _ENVIRONMENTS.move_to_end(key)
        return cached
    environment = _new_environment(theme, translations, kit_templates)
    _ENVIRONMENTS[key] = environment
    while len(_ENVIRONMENTS) > _KEPT_ENVIRONMENTS:
        _ENVIRONMENTS.popitem(last=False)
    return environment


def _new_environment(
    theme: ResolvedTheme, translations: NullTranslations, kit_templates: Path | None
) -> Environment:
    loaders: list[BaseLoader] = []
    if kit_templates is not None and kit_templates.is_dir():
        loaders.append(KitTemplateLoader(kit_templates, kit_templates.parent))
    loaders += [FileSystemLoader(str(folder)) for folder in theme.template_folders]
    loaders.append(PrefixLoader({t.name: FileSystemLoader(str(t.templates)) for t in theme.chain}))
    environment = Environment(
        loader=ChoiceLoader(loaders),
        bytecode_cache=_compiled_templates_cache(),
        autoescape=select_autoescape(["html", "htm", "xml", "j2"], default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.i18n"],
    )
    # Labels go through gettext: the kit's catalog translates them, and a
    # label missing from it reads as written, in English.
    environment.install_gettext_translations(translations, newstyle=True)  # type: ignore[attr-defined]
    environment.filters["dir"] = dir_attribute
    environment.filters["unbroken"] = unbroken
    return environment


def _compiled_templates_cache() -> FileSystemBytecodeCache | None:
    """Compiled templates in the cache (mediakit/cache.py): a new process (each
    `mediakit build`) skips compiling templates whose source is unchanged."""
    folder = cache_dir("templates")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None  # an optimisation only: templates compile as usual
    return FileSystemBytecodeCache(str(folder))


def render_page(environment: Environment, template: str, view: KitView, stylesheet: str) -> str:
    """The page, or a `KitError` naming the template file and line that failed."""
    try:
        return environment.get_template(template).render(kit=view, stylesheet=stylesheet)
    except TemplateSyntaxError as error:
        file = Path(error.filename) if error.filename else None
        raise KitError([Problem(f"template error: {error.message}", file, error.lineno)]) from None
    except TemplateNotFound as error:
        raise KitError(f'the theme has no template "{error.name}"') from None
    except TemplateError as error:
        file, line = _template_frame(error)
        raise KitError([Problem(f"template error: {error}", file, line)]) from None


def _template_frame(error: BaseException) -> tuple[Path | None, int | None]:
    """Where in a template `error` happened: Jinja marks template frames in the traceback."""
    where: tuple[Path | None, int | None] = (None, None)
    for frame, line in traceback.walk_tb(error.__traceback__):
        if "__jinja_exception__" in frame.f_globals:
            where = (Path(frame.f_code.co_filename), line)
    return where
