"""Merge exports into the kit: posts into a CSV per platform, followers, history, audience.

Nothing is written here: `merge_exports` returns the new texts of the kit
file and of each posts CSV file, and what changed, for `run.py` to write all
at once after the whole import succeeded.

The rules, from what a creator expects:
- Posts are matched by their ID or link, so importing an export twice adds
  nothing. A matched post takes the export's counts (the later reading); its
  date, title and `sponsored` stay as the creator wrote them. No post is ever
  deleted.
- Posts go into the platform's `posts_csv` file; a platform with neither
  gets `<platform>_posts.csv` beside the kit. A platform whose posts are
  typed in the kit (`posts:`) keeps them there, and the imported ones join
  them in the kit file: moving a creator's lines to another file unasked
  would be a surprise. The summary says so.
- `followers` is replaced only by a count at least as recent as `as_of`;
  `as_of` moves forward to the export's date when the export brought posts
  or followers, and `source` names the export.
- The audience shares an export gives replace the platform's, with the
  export's `source` and `as_of`; interests and other keys stay.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import MutableMapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from pydantic_core import PydanticCustomError
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from mediakit.errors import KitError, Problem
from mediakit.kit.imports.result import Export
from mediakit.kit.imports.yaml_edit import append, dump, flow_map, insert_after, round_trip
from mediakit.kit.validate import declared_locale
from mediakit.model.audience import Audience
from mediakit.model.platform import PLATFORM_LABELS, HistoryPoint, PlatformName, Post
from mediakit.model.types import parse_date, read_count

POST_COLUMNS = tuple(Post.model_fields)
COUNTS = ("likes", "comments", "shares", "saves", "views", "reach")
DISTRIBUTIONS = ("age", "gender", "countries", "cities")


@dataclass
class PlatformChanges:
    """What an import changed on one platform, for the summary."""

    platform: PlatformName
    sources: list[str] = field(default_factory=list)
    figures_from: list[str] = field(default_factory=list)  # exports that gave posts or followers
    posts_file: str | None = None
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    followers: tuple[int, int] | None = None  # before, after
    as_of: tuple[dt.date, dt.date] | None = None
    history_added: int = 0
    history_updated: int = 0
    audience: str | None = None  # "replaced" or "unchanged"
    lacks: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return PLATFORM_LABELS[self.platform]


@dataclass
class Plan:
    """The files an import would write, and what changed."""

    kit_text: str | None  # None: the kit file stays as it is
    csv_texts: dict[Path, str]  # posts CSV files to write (new or changed)
    new_files: set[Path]
    changes: list[PlatformChanges]
    reindented: bool  # the kit's own indentation could not be kept exactly
    locale: str  # the kit's, which decides how the numbers in its files read


def merge_exports(kit_path: Path, text: str, exports: Sequence[Export]) -> Plan:
    yaml, data, layout_kept = round_trip(text)
    kit_dir = kit_path.parent
    csv_files: dict[Path, _CsvPosts] = {}
    changes: dict[int, PlatformChanges] = {}
    problems: list[Problem] = []
    platforms = data.get("platforms") or []
    # Counts the creator wrote ("12,5k" in a French kit) are compared in the kit's locale.
    locale = declared_locale(data)
    for export in exports:
        index = _platform_index(platforms, export, kit_path, problems)
        if index is None:
            continue
        mapping = platforms[index]
        change = changes.setdefault(index, PlatformChanges(export.platform))
        if export.source not in change.sources:
            change.sources.append(export.source)
        change.lacks.extend(lack for lack in export.lacks if lack not in change.lacks)
        change.notes.extend(export.notes)
        try:
            if export.posts:
                _merge_posts(mapping, export, kit_dir, csv_files, change, locale)
            if export.history:
                _merge_history(mapping, export.history, change, locale)
            _merge_followers(mapping, export, change, locale)
            if export.audience is not None:
                _merge_audience(mapping, export.audience, change)
        except KitError as error:
            problems.extend(error.problems)
    if problems:
        raise KitError(problems)
    for index, change in changes.items():
        _name_source(platforms[index], change)
    new_text = dump(yaml, data)
    changed_csv = {path: posts.text() for path, posts in csv_files.items() if posts.changed}
    return Plan(
        kit_text=new_text if new_text != text else None,
        csv_texts=changed_csv,
        new_files={path for path, posts in csv_files.items() if posts.is_new and posts.changed},
        changes=[changes[index] for index in sorted(changes)],
        reindented=not layout_kept and new_text != text,
        locale=locale,
    )


def _platform_index(
    platforms: list[Any], export: Export, kit_path: Path, problems: list[Problem]
) -> int | None:
    name = export.platform.value
    matches = [
        index
        for index, mapping in enumerate(platforms)
        if isinstance(mapping, dict) and mapping.get("platform") == name
    ]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        problems.append(
            Problem(
                f"has no {name} platform for the {export.source} to go into. Add it to "
                f"platforms: (- platform: {name}, followers: your count, as_of: today's date) "
                "and import again.",
                kit_path,
            )
        )
    else:
        problems.append(
            Problem(
                f"lists {len(matches)} {name} platforms; mediakit cannot tell which one the "
                f"{export.source} is about. Import into a kit with one {name} platform.",
                kit_path,
            )
        )
    return None


# --- posts ---------------------------------------------------------------------------


def identities(url: Any, post_id: Any) -> set[str]:
    """What identifies a post: its ID, and its link with the differences that do not
    matter set aside (www., a trailing slash, Instagram's /reel/ and /p/ for one post)."""
    found = set()
    if post_id is not None and str(post_id).strip():
        found.add("id:" + str(post_id).strip())
    if url is not None and str(url).strip():
        parts = urlsplit(str(url).strip())
        host = parts.netloc.lower().removeprefix("www.")
        path = parts.path.rstrip("/")
        segments = path.split("/")
        if (
            host.endswith("instagram.com")
            and len(segments) >= 3
            and segments[-2]
            in (
                "p",
                "reel",
                "reels",
                "tv",
            )
        ):
            path = "/p/" + segments[-1]
        query = f"?{parts.query}" if parts.query else ""
        found.add(f"url:{host}{path}{query}")
    return found


def _merge_posts(
    mapping: CommentedMap,
    export: Export,
    kit_dir: Path,
    csv_files: dict[Path, _CsvPosts],
    change: PlatformChanges,
    locale: str,
) -> None:
    records: _Records
    if mapping.get("posts_csv"):
        path = (kit_dir / str(mapping["posts_csv"])).resolve()
        if path not in csv_files:
            csv_files[path] = _CsvPosts.read(path)
        records = csv_files[path]
        change.posts_file = str(mapping["posts_csv"])
    elif mapping.get("posts"):
        records = _YamlPosts(mapping["posts"])
        change.posts_file = "the kit file (posts: is typed there; the imported posts join them)"
    else:
        name = f"{export.platform.value}_posts.csv"
        path = (kit_dir / name).resolve()
        if path not in csv_files:
            if path.exists():
                raise KitError(
                    [
                        Problem(
                            f"is already there, and the kit's {export.platform.value} platform "
                            f"does not name it. Add posts_csv: {name} to the platform, or "
                            "rename the file, and import again.",
                            path,
                        )
                    ]
                )
            csv_files[path] = _CsvPosts.create(path)
        records = csv_files[path]
        insert_after(mapping, ("source", "as_of"), "posts_csv", name)
        change.posts_file = f"{name} (new)"
    for post in export.posts:
        status = records.merge(post, locale)
        if status == "added":
            change.added += 1
        elif status == "updated":
            change.updated += 1
        else:
            change.unchanged += 1


def _post_values(post: Post) -> dict[str, Any]:
    values = post.model_dump(exclude_none=True, exclude_defaults=True)
    values["date"] = own_date(post.date)
    return {name: values[name] for name in POST_COLUMNS if name in values}


def _same_count(current: Any, new: int, locale: str) -> bool:
    try:
        return current is not None and read_count(current, locale) == new
    except (ValueError, PydanticCustomError):
        return False


class _Records:
    """Posts already in the kit, as mappings of key to value, that an export merges into."""

    changed = False

    def rows(self) -> Sequence[MutableMapping[str, Any]]:
        raise NotImplementedError

    def add(self, values: dict[str, Any]) -> None:
        raise NotImplementedError

    def write(self, value: Any) -> Any:
        return value

    def merge(self, post: Post, locale: str) -> str:
        wanted = identities(post.url, post.id)
        match = next(
            (row for row in self.rows() if identities(row.get("url"), row.get("id")) & wanted),
            None,
        )
        values = _post_values(post)
        if match is None:
            self.add(values)
            self.changed = True
            return "added"
        updated = False
        for name in COUNTS:
            if name in values and not _same_count(match.get(name), values[name], locale):
                match[name] = self.write(values[name])
                updated = True
        # Words the creator wrote stay; what identifies the post is filled in when missing.
        for name in ("url", "id", "title"):
            if name in values and not str(match.get(name) or "").strip():
                match[name] = self.write(values[name])
                updated = True
        self.changed |= updated
        return "updated" if updated else "unchanged"


class _YamlPosts(_Records):
    def __init__(self, posts: CommentedSeq) -> None:
        self.posts = posts

    def rows(self) -> Sequence[MutableMapping[str, Any]]:
        return [post for post in self.posts if isinstance(post, dict)]

    def add(self, values: dict[str, Any]) -> None:
        append(self.posts, flow_map(values))


class _CsvPosts(_Records):
    def __init__(
        self, path: Path, header: list[str], rows: list[dict[str, Any]], *, is_new: bool
    ) -> None:
        self.path = path
        self.header = header
        self.records = rows
        self.is_new = is_new

    @classmethod
    def create(cls, path: Path) -> _CsvPosts:
        return cls(path, [], [], is_new=True)

    @classmethod
    def read(cls, path: Path) -> _CsvPosts:
        # The kit was validated before the import: this file reads as posts.
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
        header = [name.strip() for name in rows[0]] if rows else []
        records = [dict(zip(header, row, strict=False)) for row in rows[1:] if any(row)]
        return cls(path, header, records, is_new=False)

    def rows(self) -> Sequence[MutableMapping[str, Any]]:
        return self.records

    def write(self, value: Any) -> Any:
        return value.isoformat() if isinstance(value, dt.date) else str(value)

    def add(self, values: dict[str, Any]) -> None:
        self.records.append({name: self.write(value) for name, value in values.items()})

    def text(self) -> str:
        used = {name for record in self.records for name, value in record.items() if value != ""}
        # The creator's columns in their order, then the new ones in the format's order.
        header = self.header + [
            name for name in POST_COLUMNS if name in used and name not in self.header
        ]
        # Oldest first, as the kit reads them; a new file gets them in that order.
        records = self.records if not self.is_new else sorted(self.records, key=lambda r: r["date"])
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(header)
        for record in records:
            writer.writerow([record.get(name, "") for name in header])
        return out.getvalue()


# --- followers and history -----------------------------------------------------------


def _merge_history(
    mapping: CommentedMap, history: Sequence[HistoryPoint], change: PlatformChanges, locale: str
) -> None:
    ordered = sorted(history, key=lambda p: p.date)
    if not isinstance(mapping.get("history"), list):
        points = CommentedSeq(
            flow_map({"date": own_date(point.date), "followers": point.followers})
            for point in ordered
        )
        insert_after(mapping, ("posts_csv", "source", "as_of"), "history", points)
        change.history_added += len(points)
        return
    points = mapping["history"]
    by_date = {parse_date(point["date"]): point for point in points if isinstance(point, dict)}
    for point in ordered:
        existing = by_date.get(point.date)
        if existing is None:
            new = flow_map({"date": own_date(point.date), "followers": point.followers})
            later = [i for i, p in enumerate(points) if parse_date(p["date"]) > point.date]
            if later:
                points.insert(later[0], new)
            else:
                append(points, new)
            by_date[point.date] = new
            change.history_added += 1
        elif not _same_count(existing.get("followers"), point.followers, locale):
            existing["followers"] = point.followers
            change.history_updated += 1


def _merge_followers(
    mapping: CommentedMap, export: Export, change: PlatformChanges, locale: str
) -> None:
    as_of = parse_date(mapping["as_of"])
    before = read_count(mapping["followers"], locale)
    if export.followers is not None and export.date >= as_of:
        if export.followers != before:
            mapping["followers"] = export.followers
        change.followers = (before, export.followers)
    if (export.posts or export.followers is not None) and export.date > as_of:
        mapping["as_of"] = own_date(export.date)
        change.as_of = (as_of, export.date)
    if (export.posts or export.followers is not None) and export.source not in change.figures_from:
        change.figures_from.append(export.source)


def _name_source(mapping: CommentedMap, change: PlatformChanges) -> None:
    """`source`: the exports this import took posts or followers from ("Meta Business Suite
    export and Instagram data download"); left as it was when none did."""
    if not change.figures_from:
        return
    source = " and ".join(change.figures_from)
    if "source" in mapping:
        if mapping["source"] != source:
            mapping["source"] = source
    else:
        insert_after(mapping, ("as_of",), "source", source)


def _merge_audience(mapping: CommentedMap, audience: Audience, change: PlatformChanges) -> None:
    wanted: dict[str, Any] = {"source": audience.source, "as_of": own_date(audience.as_of)}
    for name in DISTRIBUTIONS:
        shares = getattr(audience, name)
        if shares:
            wanted[name] = flow_map({key: _number(value) for key, value in shares.items()})
    if not isinstance(mapping.get("audience"), dict):
        # Beside the platform's figures rather than last: a comment after the platform's
        # last line belongs to what follows it.
        after = ("posts_csv", "source", "as_of")
        insert_after(mapping, after, "audience", CommentedMap(wanted))
        change.audience = "replaced"
        return
    target: CommentedMap = mapping["audience"]
    changed = False
    for key, value in wanted.items():
        if not _same_value(target.get(key), value):
            if key in target:
                target[key] = value
            else:
                insert_after(target, (), key, value)
            changed = True
    status = "replaced" if changed else "unchanged"
    change.audience = "replaced" if "replaced" in (change.audience, status) else status


def own_date(date: dt.date | None) -> dt.date | None:
    """A date object of its own: the YAML writer marks one object written twice as an
    alias (`&id001`, `*id001`), which no creator wants to read."""
    return None if date is None else dt.date.fromordinal(date.toordinal())


def _number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


def _same_value(current: Any, new: Any) -> bool:
    if isinstance(new, dict):
        return isinstance(current, dict) and {str(k): float(v) for k, v in current.items()} == {
            str(k): float(v) for k, v in new.items()
        }
    if isinstance(new, dt.date):
        try:
            return current is not None and parse_date(current) == new
        except (ValueError, PydanticCustomError):
            return False
    return bool(current == new)
