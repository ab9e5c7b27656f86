"""Property-based tests (Hypothesis): random kits, metric invariants, hostile input.

1. Any kit written by the spec's rules validates and builds (site, and a few PDFs).
2. The metrics keep their invariants on random posts, histories, audiences and briefs;
   numbers written with the locale's separators read as written, and what an unclear
   number's message says to write reads; control characters in one-line fields are
   refused where they stand and never printed raw, and paragraphs keep their breaks.
3. No input, however broken, gives a traceback: loading and validating either succeed
   or raise a KitError, and `mediakit validate` exits 0 or 1.

A property that found a bug keeps passing on the rest of its domain; the bug itself is
pinned by a `xfail(strict=True)` test that carries the minimal failing input as an
explicit `@example`, so it fails on every run until the bug is fixed, and then fails
as XPASS until its marker is removed.

The module stays well under a minute on two cores. For a longer search, multiply
every budget: `MEDIAKIT_PROPERTY_SCALE=20 pytest tests/test_properties.py`.
"""

from __future__ import annotations

import copy
import csv
import datetime as dt
import io
import json
import math
import os
import re
import shutil
import statistics
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from markupsafe import escape
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from mediakit.build import build_kit
from mediakit.check import check_kit
from mediakit.cli import cli
from mediakit.errors import KitError
from mediakit.kit.load import load_yaml
from mediakit.kit.validate import parse_kit
from mediakit.metrics.engagement import (
    WINDOW_SIZE,
    default_basis,
    engagements,
    platform_engagement,
    post_rate,
    recent_window,
)
from mediakit.metrics.fit import age_share, audience_fit, summed_share
from mediakit.metrics.growth import MIN_DAYS, monthly_growth
from mediakit.metrics.posting import posts_per_week
from mediakit.model.audience import Audience
from mediakit.model.brief import Brief
from mediakit.model.collaboration import Results
from mediakit.model.numbers import UnclearNumber, read_number
from mediakit.model.platform import HistoryPoint, Platform, PlatformName, Post
from mediakit.model.theme import SECTION_NAMES
from mediakit.model.types import MAX_COUNT, country_codes, currency_codes
from mediakit.options import BuildOptions
from tests.conftest import ROOT, TODAY

pytestmark = pytest.mark.slow

# --- Settings ---------------------------------------------------------------------------

_SCALE = max(1, int(os.environ.get("MEDIAKIT_PROPERTY_SCALE", "1")))

# Built on the active profile (so `--hypothesis-profile`, verbosity and the like still
# apply); only what these tests need is overridden.
_BASE = settings(
    # A build takes tens of milliseconds and a PDF about a second: time is not the property.
    deadline=None,
    print_blob=True,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
    ],
)


def budget(examples: int) -> settings:
    return settings(_BASE, max_examples=examples * _SCALE)


STARTER_PHOTO = ROOT / "mediakit" / "kit" / "starter" / "photo.jpg"


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One folder for the module; each example works in its own subfolder of it."""
    return tmp_path_factory.mktemp("properties")


@pytest.fixture(scope="module")
def example_dir(workdir: Path) -> Callable[[], Any]:
    """A fresh folder per Hypothesis example (function-scoped tmp_path would be shared)."""

    def make() -> Any:
        return tempfile.TemporaryDirectory(dir=workdir)

    return make


# --- Strategies: text -------------------------------------------------------------------

# Letters, marks (combining accents), digits, punctuation, symbols (emoji) and spaces from
# every script; no control, format or surrogate characters, which a creator does not type.
_CHARACTERS = st.characters(codec="utf-8", categories=("L", "M", "N", "P", "S", "Zs"))
SAMPLE_TEXT = [
    "Ana Lima",
    "山田 花子",
    "محمد علي",
    "שָׁלוֹם",
    "Zoe\u0301 Nguyễn",
    "🍞 Baker 👩\u200d🍳",
    "Ὀδυσσεύς",
    "नमस्ते",
    "O'Brien & <Sons>",
    "a: b - [c] {d} *e !f |g >h %i @j `k` #l",
    "NO",
    "yes",
    "010",
    "~",
]


def line(max_size: int = 40) -> st.SearchStrategy[str]:
    """One line of non-blank text (the spec's plain strings), often non-ASCII."""
    free = st.text(_CHARACTERS, min_size=1, max_size=max_size)
    sample = st.sampled_from(SAMPLE_TEXT)
    return st.one_of(sample, free, st.tuples(sample, free).map(" ".join)).filter(
        lambda text: bool(text.strip())
    )


MARKDOWN = st.lists(
    st.one_of(
        line(60),
        st.sampled_from(
            [
                "**bold**",
                "*em*",
                "- item",
                "1. first",
                "> quote",
                "[link](https://example.com)",
                "[bad](javascript:alert(1))",
                "<script>alert(1)</script>",
                '<img src=x onerror="alert(1)">',
                "`code`",
                "---",
                "",
                "مرحبا! أخبز الخبز كل يوم.",
            ]
        ),
    ),
    max_size=8,
).map("\n".join)

HOSTS = st.from_regex(r"[a-z0-9]{1,12}(\.[a-z0-9]{1,12}){0,2}\.[a-z]{2,6}", fullmatch=True)
URLS = st.builds(
    lambda scheme, host, path: f"{scheme}://{host}/{path}",
    st.sampled_from(["https", "http"]),
    HOSTS,
    st.from_regex(r"[A-Za-z0-9_\-./%@~]{0,20}", fullmatch=True),
)
EMAILS = st.builds(
    lambda local, host: f"{local}@{host}",
    st.from_regex(r"[a-z0-9][a-z0-9._+\-]{0,15}", fullmatch=True),
    HOSTS,
)
HANDLES = st.from_regex(r"@?[\w.\-]{1,30}", fullmatch=True)
PHONES = st.from_regex(r"\+?[0-9]{2,4}( [0-9]{3}){1,3}", fullmatch=True)

# --- Strategies: values -----------------------------------------------------------------


@st.composite
def counts(draw: st.DrawFn, max_value: int = 10**9) -> tuple[Any, int]:
    """A count as a creator may write it, and the number it means."""
    kind = draw(st.sampled_from(["int", "int", "int", "digits", "suffix", "spaced"]))
    if kind == "int":
        number = draw(st.integers(0, max_value))
        return number, number
    if kind == "spaced":  # thousands apart by a space or an apostrophe: read alike in every locale
        number = draw(st.integers(0, max_value))
        separator = draw(st.sampled_from([" ", "\u00a0", "\u202f", "'"]))
        return f"{number:,}".replace(",", separator), number
    if kind == "digits":
        number = draw(st.integers(0, max_value))
        return f"{draw(st.sampled_from(['', ' ']))}{number}", number
    suffix = draw(st.sampled_from("kKmM"))
    multiplier = 100 if suffix in "kK" else 100_000  # per tenth
    tenths = draw(st.integers(0, max(0, max_value // multiplier)))
    whole, tenth = divmod(tenths, 10)
    written = f"{whole}.{tenth}" if tenth or draw(st.booleans()) else str(whole)
    return f"{written}{suffix}", tenths * multiplier


def count_values(max_value: int = 10**9) -> st.SearchStrategy[Any]:
    return counts(max_value).map(lambda pair: pair[0])


KIT_DATES = st.dates(dt.date(2015, 1, 1), dt.date(2027, 6, 30))
DATE_TEXT = st.one_of(
    KIT_DATES.map(dt.date.isoformat), KIT_DATES.map(lambda day: day.strftime("%Y-%m"))
)
PERCENTS = st.floats(0, 100).map(lambda value: round(value, 2))
PRICES = st.one_of(st.integers(0, 10**9), st.floats(0, 10**9).map(lambda value: round(value, 2)))
PLATFORM_NAMES = [name.value for name in PlatformName]
COUNTRIES = sorted(country_codes())
CURRENCIES = sorted(currency_codes())
LOCALES = ["en", "es", "fr", "de", "pt", "pt-BR", "ja", "ar", "he", "zh-Hant", "hi", "ru"]
POST_COUNTS = ("likes", "comments", "shares", "saves", "views", "reach")
RESULT_KEYS = set(Results.model_fields)

# --- Strategies: audience ---------------------------------------------------------------


@st.composite
def shares(draw: st.DrawFn, keys: list[str], max_total: float = 100.0) -> dict[str, float]:
    """Percent shares for `keys` summing to at most `max_total`: random weights, scaled."""
    if not keys:
        return {}
    weights = draw(st.lists(st.integers(1, 100), min_size=len(keys), max_size=len(keys)))
    total = draw(st.floats(0, max_total))
    scale = total / sum(weights)
    return {
        key: min(100.0, math.floor(weight * scale * 100) / 100)
        for key, weight in zip(keys, weights, strict=True)
    }


@st.composite
def age_bands(draw: st.DrawFn) -> list[str]:
    """Non-overlapping bands ("18-24", "55+"), possibly with gaps between them."""
    cuts = sorted(draw(st.sets(st.integers(13, 80), min_size=1, max_size=7)))
    bands = [f"{low}-{high - 1}" for low, high in pairwise(cuts)]
    if draw(st.booleans()):
        bands.append(f"{cuts[-1]}+")
    chosen = draw(st.lists(st.sampled_from(bands), unique=True)) if bands else []
    if draw(st.booleans()):
        chosen = [band.replace("-", " - ") for band in chosen]
    return chosen


GENDERS = st.one_of(
    st.sampled_from(["female", "male", "non-binary", "other", "女性", "أنثى"]), line(15)
)


@st.composite
def audience_dicts(draw: st.DrawFn, max_total: float = 100.0) -> dict[str, Any]:
    data: dict[str, Any] = {}
    if draw(st.booleans()):
        data["age"] = draw(shares(draw(age_bands()), max_total))
    if draw(st.booleans()):
        genders = draw(st.lists(GENDERS, max_size=4, unique_by=str.strip))
        data["gender"] = draw(shares(genders, max_total))
    if draw(st.booleans()):
        codes = draw(st.lists(st.sampled_from(COUNTRIES), max_size=8, unique=True))
        codes = [code.lower() if draw(st.booleans()) else code for code in codes]
        data["countries"] = draw(shares(codes, max_total))
    if draw(st.booleans()):
        cities = draw(st.lists(line(20), max_size=5, unique_by=str.strip))
        data["cities"] = draw(shares(cities, max_total))
    optional = {
        "source": line(30),
        "as_of": DATE_TEXT,
        "interests": st.lists(line(20), max_size=4),
        "real_followers": PERCENTS,
    }
    for key, strategy in optional.items():
        if draw(st.booleans()):
            data[key] = draw(strategy)
    return data


# --- Strategies: whole kits -------------------------------------------------------------

POSTS = st.fixed_dictionaries(
    {"date": DATE_TEXT},
    optional={
        **{name: count_values(10**7) for name in POST_COUNTS},
        "sponsored": st.booleans(),
        "title": line(60),
        "url": URLS,
    },
)
HISTORY = st.fixed_dictionaries({"date": DATE_TEXT, "followers": count_values()})


def posts_csv(posts: list[dict[str, Any]]) -> str:
    """The same posts as a CSV export: one column per key, empty cells where a key is missing."""
    columns = ["date", *sorted({key for post in posts for key in post} - {"date"})]
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(columns)
    for post in posts:
        writer.writerow(
            [
                str(post[c]).lower() if isinstance(post.get(c), bool) else post.get(c, "")
                for c in columns
            ]
        )
    return out.getvalue()


@dataclass
class KitCase:
    """A valid kit, what it should read as, and the files it needs beside it."""

    data: dict[str, Any]
    followers: list[int]
    posts: list[int]
    files: dict[str, str] = field(default_factory=dict)
    photo: bool = False


@st.composite
def platform_entries(
    draw: st.DrawFn, index: int, files: dict[str, str]
) -> tuple[dict[str, Any], int, int]:
    followers, expected = draw(counts())
    data: dict[str, Any] = {
        "platform": draw(st.sampled_from(PLATFORM_NAMES)),
        "followers": followers,
        "as_of": draw(DATE_TEXT),
    }
    optional: dict[str, st.SearchStrategy[Any]] = {
        "handle": HANDLES,
        "url": URLS,
        "engagement_basis": st.sampled_from(["followers", "views", "reach"]),
        "engagement_rate": PERCENTS,
        "history": st.lists(HISTORY, max_size=6),
        "audience": audience_dicts(),
        **{f"avg_{name}": count_values(10**8) for name in POST_COUNTS},
    }
    for key, strategy in optional.items():
        if draw(st.integers(0, 2)) == 0:
            data[key] = draw(strategy)
    posts = draw(st.lists(POSTS, max_size=40))
    if posts and draw(st.integers(0, 3)) == 0:
        name = f"posts-{index}.csv"
        files[name] = posts_csv(posts)
        data["posts_csv"] = name
    elif bool(posts) or draw(st.booleans()):
        data["posts"] = posts
    return data, expected, len(posts)


@st.composite
def packages(draw: st.DrawFn) -> dict[str, Any]:
    package: dict[str, Any] = {"name": draw(line(30))}
    kind = draw(st.sampled_from(["price", "price_from", "on_request"]))
    if kind == "on_request":
        package["on_request"] = True
    else:
        package[kind] = draw(PRICES)
        if draw(st.booleans()):
            package["on_request"] = False
    optional = {
        "platform": st.sampled_from(PLATFORM_NAMES),
        "description": line(200),
        "includes": st.lists(line(30), max_size=4),
    }
    package.update({k: draw(s) for k, s in optional.items() if draw(st.booleans())})
    return package


ADD_ONS = st.one_of(
    st.fixed_dictionaries({"name": line(30), "price": PRICES}, optional={"description": line(80)}),
    st.fixed_dictionaries(
        {"name": line(30), "percent": PERCENTS}, optional={"description": line(80)}
    ),
)
RATES = st.fixed_dictionaries(
    {"currency": st.sampled_from(CURRENCIES)},
    optional={
        "valid_until": DATE_TEXT,
        "packages": st.lists(packages(), max_size=4),
        "add_ons": st.lists(ADD_ONS, max_size=3),
        "terms": MARKDOWN,
        "public": st.booleans(),
    },
)
# Other result keys are shown as given: finite numbers up to MAX_COUNT in size, and short text.
EXTRA_RESULTS = st.dictionaries(
    st.from_regex(r"[a-z][a-z_]{0,15}", fullmatch=True).filter(lambda key: key not in RESULT_KEYS),
    st.one_of(st.integers(-(10**6), MAX_COUNT), st.floats(-1e6, MAX_COUNT), line(20)),
    max_size=3,
)
RESULTS = st.builds(
    lambda known, extra: {**extra, **known},
    st.fixed_dictionaries(
        {},
        optional={
            **{name: count_values() for name in sorted(RESULT_KEYS - {"engagement_rate"})},
            "engagement_rate": PERCENTS,
        },
    ),
    EXTRA_RESULTS,
)
TESTIMONIALS = st.fixed_dictionaries(
    {"quote": line(200), "author": line(30)}, optional={"role": line(30), "brand": line(30)}
)


def collaborations(photo: bool) -> st.SearchStrategy[dict[str, Any]]:
    images = {"logo": st.just("photo.jpg"), "image": st.just("photo.jpg")} if photo else {}
    return st.fixed_dictionaries(
        {"brand": line(30), "date": DATE_TEXT},
        optional={
            "platform": st.sampled_from(PLATFORM_NAMES),
            "deliverables": st.lists(line(20), max_size=3),
            "summary": MARKDOWN,
            "url": URLS,
            "niches": st.lists(line(20), max_size=3),
            "results": RESULTS,
            "testimonial": st.fixed_dictionaries(
                {"quote": line(200), "author": line(30)}, optional={"role": line(30)}
            ),
            **images,
        },
    )


THEMES = st.fixed_dictionaries(
    {},
    optional={
        "name": st.just("default"),
        "accent": st.one_of(st.from_regex(r"#[0-9a-fA-F]{6}", fullmatch=True), st.just("auto")),
        "paper": st.sampled_from(["A4", "letter"]),
        "sections": st.lists(st.sampled_from(SECTION_NAMES), max_size=8),
    },
)
SITES = st.fixed_dictionaries(
    {},
    optional={
        "base_url": URLS,
        "cname": HOSTS,
        "pdf_name": st.from_regex(r"[A-Za-z0-9][A-Za-z0-9._\-]{0,40}\.pdf", fullmatch=True),
    },
)


@st.composite
def kit_cases(draw: st.DrawFn) -> KitCase:
    """A kit that follows every rule of the spec (format version 1)."""
    photo = draw(st.booleans())
    creator: dict[str, Any] = {
        "name": draw(line()),
        "niches": draw(st.lists(line(20), min_size=1, max_size=4)),
    }
    creator_optional = {
        "handle": HANDLES,
        "tagline": line(80),
        "bio": MARKDOWN,
        "location": line(40),
        "languages": st.lists(line(15), max_size=3),
    }
    creator.update({k: draw(s) for k, s in creator_optional.items() if draw(st.booleans())})
    if photo and draw(st.booleans()):
        creator["photo"] = "photo.jpg"
    ways = draw(st.sets(st.sampled_from(["email", "website", "booking_url"]), min_size=1))
    contact: dict[str, Any] = {
        way: draw(EMAILS if way == "email" else URLS) for way in sorted(ways)
    }
    contact.update(
        {k: draw(s) for k, s in {"phone": PHONES, "note": line(60)}.items() if draw(st.booleans())}
    )
    files: dict[str, str] = {}
    entries = [draw(platform_entries(index, files)) for index in range(draw(st.integers(1, 3)))]
    data: dict[str, Any] = {
        "version": 1,
        "creator": creator,
        "contact": contact,
        "platforms": [entry for entry, _, _ in entries],
    }
    optional = {
        "locale": st.sampled_from(LOCALES),
        "audience": audience_dicts(),
        "collaborations": st.lists(collaborations(photo), max_size=3),
        "testimonials": st.lists(TESTIMONIALS, max_size=3),
        "rates": RATES,
        "theme": THEMES,
        "site": SITES,
    }
    data.update({k: draw(s) for k, s in optional.items() if draw(st.booleans())})
    return KitCase(
        data=data,
        followers=[expected for _, expected, _ in entries],
        posts=[count for _, _, count in entries],
        files=files,
        photo=photo,
    )


# --- Writing kits -----------------------------------------------------------------------

STYLES = ["json", "yaml-block", "yaml-flow"]


def dump(data: Any, style: str) -> str:
    """Serialize `data` as JSON (which is YAML 1.2) or with ruamel's safe dumper."""
    if style == "json":
        return json.dumps(data, ensure_ascii=False, indent=2)
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = style == "yaml-flow"
    yaml.allow_unicode = True
    yaml.width = 4096
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def dump_kit(data: Any, style: str) -> str:
    """`dump`, falling back to JSON where ruamel cannot read back its own output.

    In flow style ruamel writes a string such as "?0" plain, and then its parser
    refuses it ("expected the node content, but found '?'"): ruamel's problem, not
    the kit's, so that kit is written as JSON instead.
    """
    text = dump(data, style)
    try:
        if YAML(typ="safe", pure=True).load(text) == data:
            return text
    except YAMLError:
        pass
    return dump(data, "json")


def write_case(case: KitCase, folder: Path, text: str, name: str = "mediakit.yaml") -> Path:
    if case.photo:
        shutil.copyfile(STARTER_PHOTO, folder / "photo.jpg")
    for file_name, content in case.files.items():
        (folder / file_name).write_text(content, encoding="utf-8", newline="")
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def check_built(case: KitCase, folder: Path, path: Path, *, pdf: bool) -> None:
    kit = parse_kit(load_yaml(path))
    out = folder / "site"
    result = build_kit(path, out, BuildOptions(pdf=pdf, today=TODAY))
    assert kit.creator.name == case.data["creator"]["name"].strip()
    assert [platform.followers for platform in kit.platforms] == case.followers
    assert [len(platform.posts) for platform in kit.platforms] == case.posts
    assert "index.html" in result.files
    html = (out / "index.html").read_text(encoding="utf-8")
    assert str(escape(kit.creator.name)) in html
    if pdf:
        assert result.pdf is not None
        assert result.pdf.read_bytes().startswith(b"%PDF-")
    else:
        assert result.pdf is None


def refused_or_built(path: Path, *, pdf: bool) -> None:
    """A kit that `check_kit` accepts must build; refusing it with a KitError is fine too."""
    try:
        check_kit(path, today=TODAY)
    except KitError:
        return
    result = build_kit(path, path.parent / "site", BuildOptions(pdf=pdf, today=TODAY))
    assert (path.parent / "site" / "index.html").is_file()
    assert (result.pdf is not None and result.pdf.is_file()) if pdf else result.pdf is None


# === 1. Valid kits validate and build ===================================================


@budget(40)
@given(case=kit_cases(), style=st.sampled_from(STYLES))
def test_random_valid_kits_validate_and_build_a_site(
    case: KitCase, style: str, example_dir: Callable[[], Any]
) -> None:
    with example_dir() as tmp:
        folder = Path(tmp)
        check_built(case, folder, write_case(case, folder, dump_kit(case.data, style)), pdf=False)


@budget(4)
@given(case=kit_cases(), style=st.sampled_from(STYLES))
def test_random_valid_kits_build_a_pdf(
    case: KitCase, style: str, example_dir: Callable[[], Any]
) -> None:
    with example_dir() as tmp:
        folder = Path(tmp)
        check_built(case, folder, write_case(case, folder, dump_kit(case.data, style)), pdf=True)


def flow_with_merges(value: Any, draw: Callable[[st.SearchStrategy[Any]], Any]) -> str:
    """`value` as flow YAML where random keys of each mapping move into a `<<:` merge."""
    if isinstance(value, dict):
        own: list[str] = []
        merged: list[str] = []
        for key, item in value.items():
            pair = f"{json.dumps(key, ensure_ascii=False)}: {flow_with_merges(item, draw)}"
            (merged if draw(st.booleans()) else own).append(pair)
        if merged:
            own.append("<<: {" + ", ".join(merged) + "}")
        return "{" + ", ".join(own) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(flow_with_merges(item, draw) for item in value) + "]"
    return json.dumps(value, ensure_ascii=False)


@budget(25)
@given(case=kit_cases(), data=st.data())
def test_merge_keys_in_a_valid_kit_read_like_the_plain_kit(
    case: KitCase, data: st.DataObject, example_dir: Callable[[], Any]
) -> None:
    with example_dir() as tmp:
        folder = Path(tmp)
        plain = write_case(case, folder, dump(case.data, "json"), "plain.yaml")
        merged = write_case(case, folder, flow_with_merges(case.data, data.draw), "merged.yaml")
        assert parse_kit(load_yaml(merged)) == parse_kit(load_yaml(plain))


@budget(10)
@given(case=kit_cases())
@example(
    case=KitCase(
        data={
            "version": 1,
            "creator": {"name": "Ana", "niches": ["x"]},
            "contact": {"email": "a@b.co"},
            "platforms": [{"platform": "x", "followers": 1, "as_of": "2026-11"}],
            "audience": {"gender": {"🍞": 10}},
        },
        followers=[1],
        posts=[0],
    )
).via("minimal reproducer")
def test_kits_written_as_ascii_json_validate_and_build(
    case: KitCase, example_dir: Callable[[], Any]
) -> None:
    # json.dumps' default (ensure_ascii=True) writes every non-ASCII character as \u escapes;
    # JSON is YAML 1.2, so this is the same valid kit and must read back the same.
    with example_dir() as tmp:
        folder = Path(tmp)
        check_built(case, folder, write_case(case, folder, json.dumps(case.data)), pdf=False)
        assert parse_kit(load_yaml(folder / "mediakit.yaml")) == parse_kit(
            load_yaml(write_case(case, folder, dump(case.data, "json"), "unicode.yaml"))
        )


@budget(3)
@given(pdf_name=st.from_regex(r"[\w][\w.\-]{0,120}\.pdf", fullmatch=True))
@example(pdf_name="あ" * 84 + ".pdf").via("minimal reproducer")
def test_every_accepted_pdf_name_can_be_written(
    pdf_name: str, example_dir: Callable[[], Any]
) -> None:
    case = KitCase(
        data={
            "version": 1,
            "creator": {"name": "Ana", "niches": ["x"]},
            "contact": {"email": "a@b.co"},
            "platforms": [{"platform": "x", "followers": 1, "as_of": "2026-11"}],
            "site": {"pdf_name": pdf_name},
        },
        followers=[1],
        posts=[0],
    )
    with example_dir() as tmp:
        refused_or_built(write_case(case, Path(tmp), dump(case.data, "json")), pdf=True)


@budget(20)
@given(figure=st.one_of(st.floats(), st.integers(), st.booleans(), line(20)))
@example(figure=1e39).via("minimal reproducer")
def test_extra_collaboration_results_that_validate_also_build(
    figure: Any, example_dir: Callable[[], Any]
) -> None:
    text = dump(
        {
            "version": 1,
            "creator": {"name": "Ana", "niches": ["x"]},
            "contact": {"email": "a@b.co"},
            "platforms": [{"platform": "x", "followers": 1, "as_of": "2026-11"}],
            "collaborations": [{"brand": "B", "date": "2026-01", "results": {"ctr": figure}}],
        },
        "yaml-block",
    )
    with example_dir() as tmp:
        path = Path(tmp) / "mediakit.yaml"
        path.write_text(text, encoding="utf-8")
        refused_or_built(path, pdf=False)


# === 2. Metric invariants ===============================================================

POST_DATES = st.dates(dt.date(2026, 1, 1), dt.date(2026, 6, 30))


@st.composite
def post_models(draw: st.DrawFn) -> Post:
    counts_given = {
        name: draw(st.integers(0, 10**9)) for name in POST_COUNTS if draw(st.integers(0, 3))
    }
    return Post.model_validate({"date": draw(POST_DATES), **counts_given})


@st.composite
def platform_models(draw: st.DrawFn) -> Platform:
    return Platform.model_validate(
        {
            "platform": draw(st.sampled_from(PLATFORM_NAMES)),
            "followers": draw(st.integers(0, 10**9)),
            "as_of": "2026-07-01",
            "engagement_basis": draw(st.sampled_from([None, "followers", "views", "reach"])),
            "posts": draw(st.lists(post_models(), max_size=60)),
        }
    )


def between(value: float, low: float, high: float) -> bool:
    slack = 1e-9 * max(abs(low), abs(high), 1.0)
    return low - slack <= value <= high + slack


@budget(200)
@given(platform=platform_models())
def test_engagement_invariants(platform: Platform) -> None:
    basis = default_basis(platform)
    window = recent_window(platform.posts)
    assert len(window) == min(WINDOW_SIZE, len(platform.posts))
    older = platform.posts[: len(platform.posts) - len(window)]
    if older and window:
        assert max(post.date for post in older) <= min(post.date for post in window)

    rates = [r for post in window if (r := post_rate(post, basis, platform.followers)) is not None]
    assert all(rate >= 0 and math.isfinite(rate) for rate in rates)

    result = platform_engagement(platform)
    assert result.basis == basis
    assert result.posts_used == len(rates) <= WINDOW_SIZE
    if rates:
        assert result.method == "posts"
        assert result.rate is not None and result.mean is not None
        assert between(result.rate, min(rates), max(rates))
        assert between(result.mean, min(rates), max(rates))
        # The median: at least half of the rates on each side.
        assert 2 * sum(rate <= result.rate for rate in rates) >= len(rates)
        assert 2 * sum(rate >= result.rate for rate in rates) >= len(rates)
    else:
        assert result.method != "posts"
        assert result.posts_used == 0

    in_window = {id(post) for post in window}
    assert all(id(post) in in_window for post in result.viral)
    totals = [e for post in window if (e := engagements(post)) is not None]
    if result.viral:
        # Viral means above Q3 + 1.5 IQR: above the median, and never every post.
        middle = statistics.median(totals)
        assert all((engagements(post) or 0) > middle for post in result.viral)
        assert len(result.viral) < len(totals)

    per_week = posts_per_week(window)
    dates = sorted(post.date for post in window)
    if len(window) < 2 or dates[0] == dates[-1]:
        assert per_week is None
    else:
        assert per_week is not None and per_week > 0


@budget(200)
@given(
    history=st.lists(
        st.builds(
            lambda day, followers: HistoryPoint(date=day, followers=followers),
            st.dates(dt.date(2026, 1, 1), dt.date(2026, 4, 30)),
            st.integers(0, 10**9),
        ),
        max_size=5,
    ),
    followers=st.integers(0, 10**9),
    as_of=st.dates(dt.date(2026, 1, 1), dt.date(2026, 5, 31)),
)
def test_growth_is_shown_only_over_thirty_days_or_more(
    history: list[HistoryPoint], followers: int, as_of: dt.date
) -> None:
    growth = monthly_growth(history, followers, as_of)
    if not history:
        assert growth is None
        return
    first = min(point.date for point in history)
    last = max(max(point.date for point in history), as_of)
    if (last - first).days < MIN_DAYS:
        assert growth is None
    if growth is None:
        assert (last - first).days < MIN_DAYS or any(
            point.followers == 0 for point in history if point.date == first
        )
        return
    assert (growth.end - growth.start).days >= MIN_DAYS
    assert growth.start == first
    assert growth.end == last
    assert math.isfinite(growth.monthly_rate)
    assert growth.monthly_rate >= -100
    if growth.end_followers > growth.start_followers:
        assert growth.monthly_rate >= 0
    elif growth.end_followers < growth.start_followers:
        assert growth.monthly_rate <= 0
    else:
        assert growth.monthly_rate == 0


def open_or_closed_band() -> st.SearchStrategy[str]:
    closed = st.tuples(st.integers(0, 99), st.integers(0, 30)).map(
        lambda pair: f"{pair[0]}-{pair[0] + pair[1]}"
    )
    return st.one_of(closed, st.integers(0, 99).map(lambda low: f"{low}+"))


BRIEFS = st.builds(
    lambda target, niches: Brief.model_validate(
        {"brand": "Acme", "niches": niches, "target": target}
    ),
    st.fixed_dictionaries(
        {},
        optional={
            "age": st.one_of(open_or_closed_band(), st.lists(open_or_closed_band(), max_size=3)),
            "gender": st.lists(GENDERS, max_size=3),
            "countries": st.lists(st.sampled_from(COUNTRIES), max_size=4),
        },
    ),
    st.lists(line(15), max_size=3),
)


def check_fit(audience: Audience, brief: Brief, niches: list[str]) -> None:
    fit = audience_fit(audience, brief, niches)
    for share in (fit.age, fit.gender, fit.countries):
        assert share is None or between(share, 0.0, 1.0)
    target = brief.target
    known = [
        share
        for targeted, reported, share in (
            (target.age, audience.age, fit.age),
            (target.gender, audience.gender, fit.gender),
            (target.countries, audience.countries, fit.countries),
        )
        if targeted and reported
    ]
    if known:
        assert fit.on_target is not None
        assert between(fit.on_target, 0.0, 1.0)
        assert all(fit.on_target <= share + 1e-12 for share in known if share is not None)
    elif fit.unknown:
        assert fit.on_target is None  # unknown, never zero
    else:
        assert fit.on_target == 1.0
    assert set(fit.niche_matches) <= set(brief.niches)


@budget(200)
@given(audience=audience_dicts(), brief=BRIEFS, niches=st.lists(line(15), max_size=3))
def test_audience_fit_shares_lie_between_0_and_1(
    audience: dict[str, Any], brief: Brief, niches: list[str]
) -> None:
    model = Audience.model_validate(audience)
    check_fit(model, brief, niches)
    # Widening the target never lowers a share; the widest target takes it all.
    if model.age:
        narrow = age_share(model.age, ["25-34"]) or 0.0
        assert narrow <= (age_share(model.age, ["25-34", "35-44"]) or 0.0) + 1e-12
        whole = age_share(model.age, ["0-999"])
        assert whole is not None
        assert math.isclose(whole, sum(model.age.values()) / 100, abs_tol=1e-9)
    if model.countries:
        every = summed_share(model.countries, model.countries)
        assert every is not None
        assert math.isclose(every, sum(model.countries.values()) / 100, abs_tol=1e-9)


@budget(20)
@given(audience=audience_dicts(max_total=100.5), brief=BRIEFS)
@example(
    audience={"gender": {"female": 60.5, "male": 40}},
    brief=Brief(brand="B", target={"gender": ["female", "male"]}),
).via("minimal reproducer")
def test_audience_fit_stays_within_0_and_1_for_sums_up_to_100_5(
    audience: dict[str, Any], brief: Brief
) -> None:
    check_fit(Audience.model_validate(audience), brief, [])


# === 2b. Numbers as people write them ==================================================

# (locale, decimal sign, thousands separator) as each locale writes them.
WRITING = [
    ("en", ".", ","),
    ("en", ".", " "),
    ("fr", ",", "\u202f"),
    ("fr", ",", " "),
    ("de", ",", "."),
    ("pt-BR", ",", "."),
    ("es", ",", " "),
]


def written(number: int, decimal: str, separator: str) -> str:
    """`number` with its thousands apart, as a person of that locale writes it."""
    return f"{number:,}".replace(",", separator)


@budget(80)
@given(
    number=st.integers(0, 10**11),
    writing=st.sampled_from(WRITING),
    tenths=st.integers(0, 10**6),
    suffix=st.sampled_from(["k", "K", "M", "m"]),
)
@example(number=12_500, writing=("fr", ",", "\u202f"), tenths=125, suffix="k").via(
    "the issue's 12,5k"
)
def test_numbers_in_the_kits_locale_read_as_written(
    number: int, writing: tuple[str, str, str], tenths: int, suffix: str
) -> None:
    locale, decimal, separator = writing
    # Grouped thousands: "12,500" in English, "12 500" in French, "12.500" in German.
    assert read_number(written(number, decimal, separator), locale, suffix=True) == number
    # A suffix after the locale's decimal sign: "12,5k" in French is 12.5 x 1000.
    whole, tenth = divmod(tenths, 10)
    text = f"{written(whole, decimal, separator)}{decimal}{tenth}{suffix}"
    multiplier = 1_000 if suffix in "kK" else 1_000_000
    assert read_number(text, locale, suffix=True) == Decimal(tenths) / 10 * multiplier
    # A percent sign, with or without a space before it.
    share = f"{tenths % 1000 // 10}{decimal}{tenth}"
    assert (
        read_number(f"{share} %", locale, percent=True)
        == Decimal(tenths % 1000 // 10 * 10 + tenth) / 10
    )


NUMBER_SOUP = st.text(st.sampled_from("0123456789.,  '\u202fkKM%"), min_size=1, max_size=14)


@budget(150)
@given(text=NUMBER_SOUP, locale=st.sampled_from(["en", "fr", "de", "pt-BR", "de-CH", "ja"]))
@example(text="12.500", locale="fr").via("two readings: 12,5 or 12500")
@example(text="1,5k", locale="en").via("the decimal sign of another locale")
def test_an_unclear_number_says_what_to_write_and_that_reads(text: str, locale: str) -> None:
    """Every value either reads as one number, is not a number, or is refused with
    advice; and whatever the advice says to write reads, in the same kit, as a number."""
    try:
        read_number(text, locale, suffix=True, percent=True)
    except UnclearNumber as unclear:
        advice = re.search(
            r"; write (.+?)(?:, whichever you mean| if that is what you mean)$", unclear.message
        )
        if advice is None:
            assert unclear.message.endswith("write the number with digits only"), unclear.message
            return
        for suggestion in advice[1].split(" or "):
            assert read_number(suggestion, locale, suffix=True) is not None, suggestion


# === 2c. Control characters =============================================================

CONTROLS = st.one_of(
    st.characters(min_codepoint=0, max_codepoint=0x1F),
    st.characters(min_codepoint=0x7F, max_codepoint=0x9F),
)
UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")
ONE_LINE_PATHS = [
    ("creator", "name"),
    ("creator", "tagline"),
    ("creator", "location"),
    ("creator", "niches", 0),
    ("contact", "note"),
    ("platforms", 0, "posts", 0, "title"),
    ("collaborations", 0, "brand"),
    ("testimonials", 0, "author"),
]
PARAGRAPH_PATHS = [
    ("creator", "bio"),
    ("collaborations", 0, "summary"),
    ("testimonials", 0, "quote"),
    ("rates", "terms"),
    ("rates", "packages", 0, "description"),
]


def control_kit() -> dict[str, Any]:
    return {
        "version": 1,
        "creator": {"name": "Ana", "niches": ["baking"]},
        "contact": {"email": "a@example.com"},
        "platforms": [
            {
                "platform": "instagram",
                "followers": 10,
                "as_of": "2026-11-01",
                "posts": [{"date": "2026-10-01", "likes": 1, "title": "x"}],
            }
        ],
        "collaborations": [{"brand": "Acme", "date": "2026-10"}],
        "testimonials": [{"quote": "Good.", "author": "Jo"}],
        "rates": {"currency": "USD", "packages": [{"name": "Reel", "price": 1}]},
    }


def put(data: Any, path: tuple[Any, ...], value: str) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


@budget(60)
@given(
    path=st.sampled_from(ONE_LINE_PATHS),
    before=line(20),
    control=CONTROLS,
    after=st.text(_CHARACTERS, max_size=10),
)
def test_control_characters_are_refused_where_they_stand_and_never_printed(
    path: tuple[Any, ...], before: str, control: str, after: str, example_dir: Callable[[], Any]
) -> None:
    data = control_kit()
    put(data, path, f"{before}{control}{after}x")
    with example_dir() as tmp:
        kit = Path(tmp) / "mediakit.yaml"
        kit.write_text(json.dumps(data), encoding="utf-8")
        with pytest.raises(KitError) as caught:
            parse_kit(load_yaml(kit))
    [problem] = caught.value.problems
    assert problem.key_path == path
    assert problem.line is not None and problem.column is not None
    assert not UNPRINTABLE.search(problem.format().replace(str(kit), ""))


@budget(30)
@given(path=st.sampled_from(PARAGRAPH_PATHS), lines=st.lists(line(40), min_size=2, max_size=5))
def test_paragraph_fields_keep_their_line_breaks(
    path: tuple[Any, ...], lines: list[str], example_dir: Callable[[], Any]
) -> None:
    data = control_kit()
    text = "\n\n".join(lines)
    put(data, path, text)
    with example_dir() as tmp:
        kit = Path(tmp) / "mediakit.yaml"
        kit.write_text(json.dumps(data), encoding="utf-8")
        parsed = parse_kit(load_yaml(kit)).model_dump()
    value: Any = parsed
    for part in path:
        value = value[part]
    assert value.strip() == text.strip()


# === 3. No traceback, whatever the input ================================================

YAML_PUNCTUATION = [*":-[]{}&*!|>%@`'\"#?,~\\<=", "\t", "\n", "\r", " "]
YAML_PUNCTUATION += ["\x00", "\x07", "\x85", "\u2028", "\ufeff"]
RAW_TEXT = st.text(
    st.one_of(st.sampled_from(YAML_PUNCTUATION), st.characters(codec="utf-8")), max_size=400
)
KIT_WORDS = [
    "version", "creator", "contact", "platforms", "audience", "collaborations", "testimonials",
    "rates", "theme", "site", "name", "niches", "email", "platform", "followers", "as_of",
    "posts", "date", "likes", "views", "reach", "history", "age", "gender", "countries",
    "packages", "price", "currency", "pdf_name", "photo", "posts_csv", "engagement_basis",
]  # fmt: skip
TOKENS = [
    *(f"{word}: " for word in KIT_WORDS),
    *KIT_WORDS,
    "\n", "\n  ", "\n    ", "- ", "  - ", "1", "0", "-1", "12.5k", "1.2M", "1e400", "0x1F", "0o17",
    "010", ".nan", ".inf", "-.inf", "~", "null", "true", "NO", "on", "2026-11-01", "2026-13-01",
    "2026-02-30", "2026-11", "instagram", "a@b.co", "https://x.co", "photo.jpg", "../x.csv",
    "/etc/passwd", "&a ", "*a", "<<: ", "? ", "!!binary ", "!!str ", "!!timestamp ",
    "!!python/object:os.system ", "!custom ", "!<tag:yaml.org,2002:str> ", "%YAML 1.1\n",
    "%TAG ! tag:x,2000:\n", "---\n", "...\n", "{", "}", "[", "]", ", ", "|\n", ">-\n", "'", '"',
    '"\\ud83c"', '"\\x00"', "#", "@", "`", "\t", "9" * 5000,
]  # fmt: skip
TOKEN_SOUP = st.lists(st.sampled_from(TOKENS), max_size=60).map("".join)

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(-(10**40), 10**40),
    st.floats(),
    st.text(max_size=30),
    KIT_DATES.map(str),
    st.sampled_from(["", " ", "NO", "on", "-1", "18.4k", "1.2M", "1e3", "2026-13-01", "2026-11",
                     "https://", "javascript:alert(1)", "@", "#12345", "auto", "A4", "instagram",
                     "views", "99999999999999999999", "../../etc/passwd", "/etc/passwd",
                     "photo.jpg", "mediakit.yaml", "55+", "18-24", "AU", "USD"]),
)  # fmt: skip
KEYS = st.one_of(
    st.sampled_from(KIT_WORDS), st.text(max_size=12), st.integers(), st.booleans(), st.none()
)
JUNK = st.recursive(
    SCALARS,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(KEYS, children, max_size=4),
    max_leaves=12,
)
DOCUMENTS = st.one_of(
    JUNK,
    st.dictionaries(st.sampled_from(KIT_WORDS[:10]), JUNK, max_size=10),
    st.fixed_dictionaries(
        {"version": st.sampled_from([1, "1", 1.0, 2, True]), "platforms": st.lists(
            st.dictionaries(st.sampled_from(KIT_WORDS), JUNK, max_size=6), max_size=3)},
        optional={word: JUNK for word in KIT_WORDS[1:10] if word != "platforms"},
    ),
)  # fmt: skip


def paths_in(value: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every key path in a nested structure of dicts and lists."""
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from paths_in(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from paths_in(item, (*prefix, index))


def near_misses(key: Any) -> st.SearchStrategy[Any]:
    word = str(key)
    return st.sampled_from(
        [word + "s", word[:-1], word.upper(), word.replace("_", "-"), f" {word}", word.title()]
    )


@st.composite
def mutated_kits(draw: st.DrawFn) -> tuple[KitCase, Any]:
    """A valid kit with one to three random keys renamed, values replaced or keys dropped."""
    case = draw(kit_cases())
    data = copy.deepcopy(case.data)
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from([p for p in paths_in(data) if p]))
        parent: Any = data
        for part in path[:-1]:
            parent = parent[part]
        key = path[-1]
        action = draw(st.sampled_from(["rename", "replace", "replace", "delete"]))
        if action == "rename" and isinstance(parent, dict):
            new = draw(st.one_of(near_misses(str(key)), KEYS))
            parent[new] = parent.pop(key)
        elif action == "delete":
            del parent[key]
        else:
            parent[key] = draw(JUNK)
    return case, data


def check_no_traceback(path: Path) -> None:
    """Loading, validating and computing either succeed or raise a located KitError."""
    try:
        check_kit(path, today=TODAY)
    except KitError as error:
        assert error.problems
        assert error.format_message()
        # YAML breaks lines at CR, NEL and LS/PS too; "end of stream" points one line past.
        text = path.read_bytes().decode("utf-8", errors="replace")
        lines = len(re.split(r"\r\n|[\r\n\x85\u2028\u2029]", text)) + 1
        for problem in error.problems:
            assert problem.file is not None
            if problem.file == path and problem.key_path:
                # A problem inside the document names its line and column.
                assert problem.line is not None and problem.column is not None, problem
            if problem.line is not None and problem.file == path:
                assert 1 <= problem.line <= lines, problem


@budget(200)
@given(
    content=st.one_of(
        st.binary(max_size=2000),
        st.tuples(st.binary(max_size=8), TOKEN_SOUP, st.binary(max_size=8)).map(
            lambda parts: parts[0] + parts[1].encode() + parts[2]
        ),
        st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"]).map(
            lambda bom: bom + b"version: 1\n"
        ),
    )
)
def test_random_bytes_never_give_a_traceback(
    content: bytes, example_dir: Callable[[], Any]
) -> None:
    with example_dir() as tmp:
        path = Path(tmp) / "mediakit.yaml"
        path.write_bytes(content)
        check_no_traceback(path)


@budget(300)
@given(text=st.one_of(RAW_TEXT, TOKEN_SOUP))
def test_random_text_never_gives_a_traceback(text: str, example_dir: Callable[[], Any]) -> None:
    with example_dir() as tmp:
        path = Path(tmp) / "mediakit.yaml"
        path.write_bytes(text.encode("utf-8"))
        check_no_traceback(path)


# The standard tags that ruamel's constructor mishandles are kept out of TOKENS; they
# have their own (xfail) property below.
STANDARD_TAGS = ["!!bool", "!!int", "!!float", "!!null", "!!str", "!!binary", "!!timestamp"]
STANDARD_TAGS += ["!!set", "!!omap", "!!pairs", "!!map", "!!seq", "!!merge", "!!value"]
TAGGED_VALUES = ["", '""', "x", "0x", "1", "-", ".", "~", "[1]", "{a: 1}", "[{a: 1}]"]
TAGGED_DOCUMENTS = st.builds(
    lambda where, tag, value: where.format(f"{tag} {value}".strip()),
    st.sampled_from(["{}\n", "a: {}\n", "version: 1\ncreator: {{name: {}}}\n", "- {}\n"]),
    st.sampled_from(STANDARD_TAGS),
    st.sampled_from(TAGGED_VALUES),
)


@budget(60)
@given(text=TAGGED_DOCUMENTS)
@example(text="!!bool\n").via("minimal reproducer")
@example(text="!!omap [{a: 1}]\n").via("a root with no recorded position")
def test_explicit_yaml_tags_never_give_a_traceback(
    text: str, example_dir: Callable[[], Any]
) -> None:
    with example_dir() as tmp:
        path = Path(tmp) / "mediakit.yaml"
        path.write_text(text, encoding="utf-8")
        check_no_traceback(path)


@budget(150)
@given(document=DOCUMENTS, style=st.sampled_from(["yaml-block", "yaml-flow"]))
def test_random_yaml_documents_never_give_a_traceback(
    document: Any, style: str, example_dir: Callable[[], Any]
) -> None:
    with example_dir() as tmp:
        path = Path(tmp) / "mediakit.yaml"
        path.write_text(dump(document, style), encoding="utf-8")
        check_no_traceback(path)


@budget(80)
@given(mutated=mutated_kits(), style=st.sampled_from(["yaml-block", "yaml-flow"]))
def test_mutated_kits_never_give_a_traceback(
    mutated: tuple[KitCase, Any], style: str, example_dir: Callable[[], Any]
) -> None:
    case, data = mutated
    with example_dir() as tmp:
        check_no_traceback(write_case(case, Path(tmp), dump(data, style)))


@st.composite
def kits_with_merges(draw: st.DrawFn) -> tuple[KitCase, str]:
    """A kit, valid or mutated, written with random keys moved into `<<:` merges."""
    case, data = draw(st.one_of(kit_cases().map(lambda case: (case, case.data)), mutated_kits()))
    return case, flow_with_merges(data, draw)


MERGED_AS_OF = (
    "version: 1\ncreator: {name: A, niches: [a]}\ncontact: {email: a@b.co}\n"
    "platforms: [{platform: x, followers: 1, <<: {as_of: 2020-01-01}}]\n"
)


@budget(30)
@given(merged=kits_with_merges())
@example(merged=(KitCase(data={}, followers=[], posts=[]), MERGED_AS_OF)).via("minimal reproducer")
def test_problems_inside_merge_keys_are_located(
    merged: tuple[KitCase, str], example_dir: Callable[[], Any]
) -> None:
    case, text = merged
    with example_dir() as tmp:
        check_no_traceback(write_case(case, Path(tmp), text))


@budget(15)
@given(
    source=st.one_of(
        st.tuples(st.none(), st.one_of(TOKEN_SOUP, RAW_TEXT)),
        mutated_kits().map(lambda pair: (pair[0], dump(pair[1], "yaml-block"))),
        kit_cases().map(lambda case: (case, dump(case.data, "json"))),
    )
)
def test_cli_validate_exits_0_or_1_without_a_traceback(
    source: tuple[KitCase | None, str], example_dir: Callable[[], Any]
) -> None:
    case, text = source
    with example_dir() as tmp:
        folder = Path(tmp)
        if case is None:
            path = folder / "mediakit.yaml"
            path.write_text(text, encoding="utf-8")
        else:
            path = write_case(case, folder, text)
        result = CliRunner().invoke(cli, ["validate", str(path)])
    # CliRunner catches any exception into result.exception; Click's own exit is SystemExit.
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    assert result.exit_code in (0, 1), result.output
    assert "Traceback" not in result.output
    if result.exit_code == 0:
        assert "is valid" in result.output


@budget(20)
@given(
    field_name=st.sampled_from(["followers", "avg_likes", "avg_views", "engagement_rate"]),
    spelling=st.sampled_from(
        ["true", "false", "True", "FALSE", "&b true", "&b false", "!!bool true"]
    ),
)
@example(field_name="followers", spelling="&b true").via("minimal reproducer")
def test_a_boolean_is_never_a_count_or_a_percent(
    field_name: str, spelling: str, example_dir: Callable[[], Any]
) -> None:
    followers = "" if field_name == "followers" else "followers: 1, "
    text = (
        "version: 1\ncreator: {name: A, niches: [a]}\ncontact: {email: a@b.co}\n"
        f"platforms: [{{platform: x, {followers}as_of: 2026-11, {field_name}: {spelling}}}]\n"
    )
    with example_dir() as tmp:
        path = Path(tmp) / "mediakit.yaml"
        path.write_text(text, encoding="utf-8")
        try:
            kit = parse_kit(load_yaml(path))
        except KitError:
            return
    platform = kit.platforms[0]
    raise AssertionError(f"{spelling} accepted as {field_name} = {getattr(platform, field_name)!r}")
