"""The package's shape: stages import only earlier stages, and no module imports itself back.

Every import of the package is read from the source (module level, inside
functions and under TYPE_CHECKING alike: a deferred import is still a
dependency). A newcomer can then trust the folder names: `kit/` never
reaches into `render/`, and `pitch.py` does not borrow from `build.py`.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

PACKAGE = ROOT / "mediakit"
# Earlier stages first. A module may import from its own stage and any earlier
# one, never from a later one.
STAGES: list[tuple[str, ...]] = [
    # Where jobs run (a process pool or a Dask cluster) knows nothing of kits.
    ("mediakit", "mediakit.errors", "mediakit.cache", "mediakit.executors"),
    ("mediakit.model",),
    ("mediakit.kit", "mediakit.options", "mediakit.output"),
    ("mediakit.metrics",),
    ("mediakit.advice",),
    ("mediakit.images",),
    ("mediakit.view",),
    ("mediakit.render",),
    ("mediakit.check",),  # load, validate and compute, run together
    ("mediakit.build",),
    # Commands built on a build: the preview rebuilds with it, deploy publishes one,
    # a roster runs one per kit, a shortlist pitches its best creators.
    (
        "mediakit.pitch",
        "mediakit.serve",
        "mediakit.deploy",
        "mediakit.roster",
        "mediakit.shortlist",
    ),
    ("mediakit.cli", "mediakit.__main__"),
]


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    """The package's modules `path` imports, resolved to module names."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.startswith("mediakit")}
        elif (
            isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("mediakit")
        ):
            found.add(node.module)
            # `from mediakit.images import cache` imports the module mediakit.images.cache.
            for alias in node.names:
                candidate = f"{node.module}.{alias.name}"
                if (PACKAGE.parent / candidate.replace(".", "/")).with_suffix(".py").is_file():
                    found.add(candidate)
    return found


def graph() -> dict[str, set[str]]:
    modules = {module_name(path): path for path in PACKAGE.rglob("*.py")}
    return {name: imports_of(path) & set(modules) - {name} for name, path in modules.items()}


def stage_of(module: str) -> int:
    """The stage of the longest prefix that names `module` or a package holding it."""
    best, rank = "", -1
    for index, prefixes in enumerate(STAGES):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > len(best):
                best, rank = prefix, index
    assert rank >= 0, f"{module} belongs to no stage: add it to STAGES"
    return rank


def test_every_module_has_a_stage() -> None:
    for module in graph():
        stage_of(module)


def backward_imports(edges: dict[str, set[str]]) -> list[str]:
    return [
        f"{module} (stage {stage_of(module)}) imports {imported} (stage {stage_of(imported)})"
        for module, imported_modules in sorted(edges.items())
        for imported in sorted(imported_modules)
        if stage_of(imported) > stage_of(module)
    ]


def cycles_in(edges: dict[str, set[str]]) -> list[list[str]]:
    cycles: list[list[str]] = []
    state: dict[str, str] = {}  # "open" while on the current path, "done" after

    def visit(module: str, path: list[str]) -> None:
        state[module] = "open"
        for imported in sorted(edges.get(module, ())):
            if state.get(imported) == "open":
                cycles.append([*path[path.index(imported) :], imported])
            elif imported not in state:
                visit(imported, [*path, imported])
        state[module] = "done"

    for module in sorted(edges):
        if module not in state:
            visit(module, [module])
    return cycles


def test_no_import_runs_back_up_a_stage() -> None:
    assert backward_imports(graph()) == []


def test_there_is_no_import_cycle() -> None:
    cycles = cycles_in(graph())
    assert cycles == [], "\n".join(" -> ".join(cycle) for cycle in cycles)


COMMANDS = {
    "mediakit.build",
    "mediakit.pitch",
    "mediakit.serve",
    "mediakit.deploy",
    "mediakit.roster",
    "mediakit.shortlist",
}
# A command's work lives in the stages; a command calls another only to run it whole.
COMMAND_CALLS = {
    ("mediakit.serve", "mediakit.build"),
    ("mediakit.deploy", "mediakit.build"),
    ("mediakit.roster", "mediakit.build"),
    ("mediakit.shortlist", "mediakit.pitch"),
}


def test_commands_share_stages_not_each_others_helpers() -> None:
    edges = graph()
    borrowed = [
        f"{command} imports {other}"
        for command in sorted(COMMANDS)
        for other in sorted(edges[command] & COMMANDS)
        if (command, other) not in COMMAND_CALLS
    ]
    assert borrowed == []


def test_the_checks_find_what_they_look_for() -> None:
    """Fed the two problems this layout once had, the checks report them."""
    before = {
        "mediakit.render.view": {"mediakit.render.pitch_view"},
        "mediakit.render.pitch_view": {"mediakit.render.view"},
        "mediakit.pitch": {"mediakit.build"},
        "mediakit.build": set(),
    }
    assert cycles_in(before) == [
        ["mediakit.render.pitch_view", "mediakit.render.view", "mediakit.render.pitch_view"]
    ]
    assert backward_imports({"mediakit.images.fonts": {"mediakit.render.themes"}}) == [
        "mediakit.images.fonts (stage 5) imports mediakit.render.themes (stage 7)"
    ]
    # And the walk reads real imports, deferred ones included.
    assert "mediakit.render.pdf" in graph()["mediakit.build"]
