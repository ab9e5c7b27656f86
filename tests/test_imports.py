"""`mediakit import`: each export format, each of its quirks, and the whole import
from a kit with only names and follower counts, checked against figures worked by hand."""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from mediakit.check import check_kit
from mediakit.cli import cli
from mediakit.errors import KitError
from mediakit.kit.imports import sources
from mediakit.kit.imports.dates import latest_date_on_or_before, month_day
from mediakit.kit.imports.detect import read_exports
from mediakit.kit.imports.result import Export
from mediakit.kit.imports.run import import_exports
from mediakit.kit.imports.sources import read_sources
from mediakit.metrics.summary import stats_json
from mediakit.model.platform import PlatformName
from tests.conftest import ROOT

DATA = ROOT / "tests" / "data" / "imports"
TODAY = dt.date(2026, 11, 21)
DOWNLOADED = (2026, 11, 21, 9, 30, 0)  # when the exports were downloaded

KIT = """\
# yaml-language-server: $schema=./mediakit.schema.json
# Lucía's kit: every figure below was typed by hand from the apps.
version: 1
creator:
  name: Lucía Fernández
  niches: [travel]   # where I go
contact:
  email: lucia@example.com
platforms:
  # Instagram is the main one
  - platform: instagram
    handle: lucia.trips
    followers: 18000       # read in the app
    as_of: 2026-10-01
  - platform: tiktok
    followers: 24000
    as_of: 2026-10-01
  - platform: youtube
    followers: 5200   # subscribers
    as_of: 2026-10-01
  - platform: newsletter
    followers: 1900
    as_of: 2026-10-01

# The audience comes from the exports.
"""


def zip_folder(
    folder: Path, target: Path, date: tuple[int, int, int, int, int, int] = DOWNLOADED
) -> Path:
    """The folder as the platform's zip, every entry dated `date`."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                info = zipfile.ZipInfo(str(path.relative_to(folder)), date_time=date)
                archive.writestr(info, path.read_bytes())
    return target


def copy_dated(source: Path, target: Path, date: dt.date) -> Path:
    """A copy of a fixture file or folder whose files carry `date`."""
    if source.is_dir():
        shutil.copytree(source, target)
        files = [path for path in target.rglob("*") if path.is_file()]
    else:
        shutil.copyfile(source, target)
        files = [target]
    stamp = dt.datetime(date.year, date.month, date.day, 12).timestamp()
    for path in files:
        os.utime(path, (stamp, stamp))
    return target


def exports_of(*paths: Path) -> list[Export]:
    return read_exports(read_sources(list(paths), TODAY), TODAY).exports


def one(exports: list[Export], platform: PlatformName) -> Export:
    (found,) = [export for export in exports if export.platform == platform]
    return found


def tiktok_zips(tmp_path: Path) -> list[Path]:
    """TikTok Studio gives a zip per tab: Content, Overview, Followers."""
    tabs = {
        "content": ["Content.csv"],
        "overview": ["Overview.csv"],
        "followers": ["FollowerHistory.csv", "FollowerGender.csv", "FollowerTopTerritories.csv"],
    }
    zips = []
    for tab, names in tabs.items():
        folder = tmp_path / f"tiktok-{tab}"
        folder.mkdir()
        for name in names:
            shutil.copyfile(DATA / "tiktok_studio" / name, folder / name)
        zips.append(zip_folder(folder, tmp_path / f"tiktok-{tab}.zip"))
    return zips


# --- Meta Business Suite ---------------------------------------------------------


def test_meta_reads_quoted_numbers_with_thousands_separators() -> None:
    posts = one(
        exports_of(DATA / "meta_business_suite/instagram_posts.csv"), PlatformName.instagram
    ).posts
    reel = next(post for post in posts if post.id == "17900000000000002")
    assert (reel.views, reel.reach) == (15_000, 12_000)  # written "15,000" and "12,000"


def test_meta_publish_time_is_month_first_and_lifetime_is_not_a_date() -> None:
    posts = one(
        exports_of(DATA / "meta_business_suite/instagram_posts.csv"), PlatformName.instagram
    ).posts
    # 10/02/2026 08:15 ... 10/23/2026 18:45; the Date column only says "Lifetime".
    assert [post.date.isoformat() for post in posts] == [
        "2026-10-02",
        "2026-10-09",
        "2026-10-16",
        "2026-10-23",
    ]


def test_meta_older_exports_have_impressions_for_views() -> None:
    (post,) = one(
        exports_of(DATA / "meta_business_suite/older_impressions.csv"), PlatformName.instagram
    ).posts
    assert (post.date, post.views, post.reach) == (dt.date(2025, 3, 25), 2450, 1980)


def test_meta_an_empty_count_is_missing_not_zero() -> None:
    posts = one(
        exports_of(DATA / "meta_business_suite/instagram_posts.csv"), PlatformName.instagram
    ).posts
    packing = posts[-1]
    assert packing.shares is None and packing.likes == 150
    # The first line of the caption is the title; the post is matched later by its ID and link.
    assert posts[0].title == "Sunrise over Lisbon, the quiet hour before the trams ☀️"
    assert posts[0].url == "https://www.instagram.com/p/DAa1xYz/"


# --- TikTok Studio ---------------------------------------------------------------


def test_tiktok_files_start_with_a_byte_order_mark(tmp_path: Path) -> None:
    assert (DATA / "tiktok_studio/Content.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    export = one(exports_of(*tiktok_zips(tmp_path)), PlatformName.tiktok)
    assert len(export.posts) == 5 and export.followers == 25_000


def test_tiktok_dates_have_no_year_and_are_never_in_the_future(tmp_path: Path) -> None:
    export = one(exports_of(*tiktok_zips(tmp_path)), PlatformName.tiktok)
    # Downloaded 2026-11-21: "Dec 28" cannot be 2026-12-28 (the future), so it is 2025's.
    assert [post.date.isoformat() for post in export.posts] == [
        "2025-12-28",
        "2026-10-24",
        "2026-10-31",
        "2026-11-07",
        "2026-11-14",
    ]
    assert export.date == dt.date(2026, 11, 20)  # the last day of the follower history
    # A range across New Year, and February 29 in a year without it.
    assert latest_date_on_or_before(12, 31, dt.date(2027, 1, 2)) == dt.date(2026, 12, 31)
    assert latest_date_on_or_before(1, 1, dt.date(2027, 1, 2)) == dt.date(2027, 1, 1)
    assert latest_date_on_or_before(2, 29, dt.date(2027, 3, 1)) == dt.date(2024, 2, 29)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Dec 28", "en"),
        ("28 déc.", "fr"),
        ("28 dic", "es"),
        ("28. Dez.", "de"),
        ("28 de dez.", "pt"),
    ],
)
def test_tiktok_month_names_follow_the_studio_language(
    tmp_path: Path, text: str, language: str
) -> None:
    assert month_day(text, language) == (12, 28)  # Babel's month names, not a table of ours
    content = (DATA / "tiktok_studio/Content.csv").read_text(encoding="utf-8-sig")
    folder = tmp_path / "content"
    folder.mkdir()
    (folder / "Content.csv").write_text(content.replace('"Dec 28"', f'"{text}"'), encoding="utf-8")
    if language != "en":  # the whole file is in the Studio's language
        for english, translated in {
            "en": {},
            "fr": {
                "Oct 24": "24 oct.",
                "Oct 31": "31 oct.",
                "Nov 7": "7 nov.",
                "Nov 14": "14 nov.",
            },
            "es": {"Oct 24": "24 oct", "Oct 31": "31 oct", "Nov 7": "7 nov", "Nov 14": "14 nov"},
            "de": {
                "Oct 24": "24. Okt.",
                "Oct 31": "31. Okt.",
                "Nov 7": "7. Nov.",
                "Nov 14": "14. Nov.",
            },
            "pt": {
                "Oct 24": "24 de out.",
                "Oct 31": "31 de out.",
                "Nov 7": "7 de nov.",
                "Nov 14": "14 de nov.",
            },
        }[language].items():
            path = folder / "Content.csv"
            path.write_text(
                path.read_text(encoding="utf-8").replace(english, translated), encoding="utf-8"
            )
    export = one(exports_of(zip_folder(folder, tmp_path / "content.zip")), PlatformName.tiktok)
    assert [post.date for post in export.posts][:2] == [
        dt.date(2025, 12, 28),
        dt.date(2026, 10, 24),
    ]


def test_tiktok_undefined_is_missing_never_zero(tmp_path: Path) -> None:
    export = one(exports_of(*tiktok_zips(tmp_path)), PlatformName.tiktok)
    porto = next(post for post in export.posts if post.title == "Porto bakery crawl")
    assert porto.shares is None and porto.likes == 450
    # Nov 16's count is "undefined": no history point that day, rather than 0 followers.
    assert [point.date.day for point in export.history] == [14, 15, 17, 18, 19, 20]


def test_tiktok_video_id_comes_from_the_link(tmp_path: Path) -> None:
    export = one(exports_of(*tiktok_zips(tmp_path)), PlatformName.tiktok)
    assert export.posts[1].id == "7429000000000000002"
    assert export.posts[1].url == "https://www.tiktok.com/@lucia.trips/video/7429000000000000002"


def test_tiktok_shares_are_fractions_and_others_is_left_as_other(tmp_path: Path) -> None:
    audience = one(exports_of(*tiktok_zips(tmp_path)), PlatformName.tiktok).audience
    assert audience is not None
    assert audience.gender == {"female": 62, "male": 35, "other": 3}  # 0.62, 0.35, 0.03
    assert audience.countries == {"ES": 41, "MX": 18, "AR": 9, "US": 7}  # "Others" 0.25 left out
    assert (audience.source, audience.as_of) == ("TikTok Studio export", dt.date(2026, 11, 20))


def test_tiktok_xlsx_is_refused_with_what_to_do(tmp_path: Path) -> None:
    workbook = io.BytesIO()
    with zipfile.ZipFile(workbook, "w") as book:
        book.writestr("[Content_Types].xml", "<Types/>")
        book.writestr("xl/workbook.xml", "<workbook/>")
    with zipfile.ZipFile(tmp_path / "tiktok.zip", "w") as archive:
        archive.writestr("Content.xlsx", workbook.getvalue())
    with pytest.raises(KitError) as error:
        exports_of(tmp_path / "tiktok.zip")
    message = error.value.problems[0].format()
    assert "tiktok.zip/Content.xlsx" in message
    assert "Excel file (XLSX)" in message and "choose CSV" in message


# --- YouTube Studio --------------------------------------------------------------


def test_youtube_skips_the_total_row_and_strips_ids() -> None:
    export = one(exports_of(DATA / "youtube_studio"), PlatformName.youtube)
    assert [post.id for post in export.posts] == ["aB3dE5fG7hI", "kL9mN1oP3qR", "sT5uV7wX9yZ"]
    assert export.posts[0].url == "https://www.youtube.com/watch?v=aB3dE5fG7hI"
    assert (
        sum(post.views or 0 for post in export.posts) == 48_000
    )  # the Total row, not counted twice


def test_youtube_dates_read_like_sep_27_2026() -> None:
    export = one(exports_of(DATA / "youtube_studio"), PlatformName.youtube)
    assert [post.date.isoformat() for post in export.posts] == [
        "2026-09-27",
        "2026-10-18",
        "2026-11-08",
    ]
    assert export.date == dt.date(2026, 11, 20)  # Totals.csv's last day


def test_youtube_audience_is_shares_of_views(tmp_path: Path) -> None:
    audience = one(exports_of(DATA / "youtube_studio"), PlatformName.youtube).audience
    assert audience is not None
    # Geography in views over the Total row: 21,600 / 48,000 = 45 %, 9,600 / 48,000 = 20 %...
    assert audience.countries == {"ES": 45, "PT": 20, "MX": 10, "US": 5}
    assert audience.age == {
        "18-24": 30.5,
        "25-34": 44.2,
        "35-44": 15.1,
        "45-54": 6,
        "55-64": 2.9,
        "65+": 1.3,
    }
    assert audience.gender == {"female": 58.3, "male": 41.2, "other": 0.5}
    assert audience.source == "YouTube Studio export (shares of views)"


def test_youtube_export_as_a_zip(tmp_path: Path) -> None:
    archive = zip_folder(DATA / "youtube_studio", tmp_path / "youtube.zip")
    assert len(one(exports_of(archive), PlatformName.youtube).posts) == 3


# --- Instagram's data download ---------------------------------------------------


def test_instagram_values_are_strings_of_shares() -> None:
    export = one(exports_of(DATA / "instagram_download/en"), PlatformName.instagram)
    assert export.followers == 18_240  # "18,240"
    assert export.audience is not None
    assert (
        export.audience.age["25-34"] == 41.1
    )  # from "13-17: 0.6%, 18-24: 27.3%, 25-34: 41.1%, ..."
    assert export.audience.countries == {"ES": 38.5, "PT": 21.2, "MX": 8.4, "US": 6.1, "AR": 3.9}
    assert export.audience.cities == {"Madrid": 12.4, "Lisbon": 10.1, "Barcelona": 7.7}
    assert export.audience.gender == {"female": 63.4, "male": 36.6}


def test_instagram_labels_and_countries_in_the_account_language() -> None:
    # Portuguese labels ("Porcentagem de seguidores por país"), country names
    # (Brasil, Estados Unidos, Alemanha) and decimal commas, written as Meta
    # writes them: each byte of "í" escaped on its own ("pa\u00c3\u00ads").
    export = one(exports_of(DATA / "instagram_download/pt"), PlatformName.instagram)
    assert export.followers == 9_870  # "9.870"
    assert export.audience is not None
    assert export.audience.countries == {"BR": 52.3, "PT": 24.1, "US": 5.5, "DE": 2.2}
    assert export.audience.age == {"18-24": 31.5, "25-34": 40.0, "35-44": 18.5, "45+": 10.0}
    assert export.audience.gender == {"female": 58.0, "male": 42.0}
    assert export.audience.cities == {"São Paulo": 18.2, "Lisboa": 9.6}  # "S\u00c3\u00a3o"


def test_instagram_mojibake_is_undone_and_whole_characters_are_kept() -> None:
    from mediakit.kit.imports.instagram_download import _repaired

    assert _repaired({"pa\u00c3\u00ads": "S\u00c3\u00a3o Paulo"}) == {"país": "São Paulo"}
    assert _repaired(["país", "São Paulo", "Zürich"]) == ["país", "São Paulo", "Zürich"]


def test_instagram_posts_are_matched_by_their_time_of_posting() -> None:
    posts = one(exports_of(DATA / "instagram_download/posts"), PlatformName.instagram).posts
    assert [(post.date.isoformat(), post.id, post.reach, post.saves) for post in posts] == [
        ("2026-10-02", "instagram-1790928900", 3000, 30),
        ("2026-10-09", "instagram-1791574200", 12000, None),  # no saves given: missing, not 0
    ]


# --- Substack --------------------------------------------------------------------


def test_substack_gives_published_posts_and_says_what_it_lacks() -> None:
    export = one(exports_of(DATA / "substack/posts.csv"), PlatformName.newsletter)
    assert [post.id for post in export.posts] == [
        "181234567.lisbon-notes",
        "181234569.porto-slowly",
        "181234570.madeira-episode",
    ]  # the draft is left out
    assert export.posts[1].title == "Porto, slowly"
    assert "opens, likes and comments" in export.lacks[0]


# --- recognising files, and refusing what is not one -----------------------------


def test_an_unknown_file_names_the_known_formats_and_its_columns(tmp_path: Path) -> None:
    other = tmp_path / "Content.csv"  # TikTok's file name, someone else's columns
    other.write_text("Name,Amount\nFlour,3\n", encoding="utf-8")
    with pytest.raises(KitError) as error:
        exports_of(other)
    message = error.value.problems[0].message
    assert 'found the columns "Name", "Amount"' in message
    for known in (
        "Meta Business Suite",
        "TikTok Studio",
        "YouTube Studio",
        "Instagram data download",
        "Substack",
    ):
        assert known in message


def test_the_format_comes_from_the_content_not_the_name(tmp_path: Path) -> None:
    renamed = tmp_path / "my followers.csv"
    shutil.copyfile(DATA / "tiktok_studio/FollowerHistory.csv", renamed)
    assert one(exports_of(renamed), PlatformName.tiktok).followers == 25_000


def test_zip_names_that_leave_the_zip_are_refused(tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "trick.zip", "w") as archive:
        archive.writestr("../../outside.csv", "a,b\n")
    with pytest.raises(KitError, match="points outside the zip"):
        read_sources([tmp_path / "trick.zip"], TODAY)


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path: Path, monkeypatch) -> None:
    # Each file, and all of them together, have a size limit; the bytes actually
    # unpacked are counted, whatever sizes the zip declares.
    monkeypatch.setattr(sources, "MAX_FILE_BYTES", 1_000_000)
    with zipfile.ZipFile(tmp_path / "bomb.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Content.csv", b"0" * 5_000_000)  # 5 MB of zeros, a few KB zipped
    assert (tmp_path / "bomb.zip").stat().st_size < 50_000
    with pytest.raises(KitError, match="once unpacked"):
        read_sources([tmp_path / "bomb.zip"], TODAY)
    monkeypatch.setattr(sources, "MAX_TOTAL_BYTES", 1_000)
    with pytest.raises(KitError, match="an analytics export is a few MB"):
        read_sources([DATA / "youtube_studio"], TODAY)


# --- merging into the kit ----------------------------------------------------------


def write(tmp_path: Path, text: str = KIT) -> Path:
    kit = tmp_path / "kit" / "mediakit.yaml"
    kit.parent.mkdir(exist_ok=True)
    kit.write_text(text, encoding="utf-8")
    return kit


def test_dry_run_writes_nothing(tmp_path: Path, runner: CliRunner) -> None:
    kit = write(tmp_path)
    result = runner.invoke(
        cli, ["import", "--kit", str(kit), "--dry-run", str(DATA / "youtube_studio")]
    )
    assert result.exit_code == 0, result.output
    assert "posts: 3 added, 0 updated, 0 unchanged, in youtube_posts.csv (new)" in result.output
    assert "Dry run: nothing was written." in result.output
    assert kit.read_text(encoding="utf-8") == KIT
    assert sorted(path.name for path in kit.parent.iterdir()) == ["mediakit.yaml"]


def test_typed_posts_stay_in_the_kit_and_the_imported_ones_join_them(tmp_path: Path) -> None:
    typed = KIT.replace(
        "    followers: 5200   # subscribers\n    as_of: 2026-10-01\n",
        "    followers: 5200   # subscribers\n    as_of: 2026-10-01\n    posts:\n"
        "      - {date: 2026-09-27, views: 19000, likes: 850, url: 'https://youtu.be/x', id: aB3dE5fG7hI, sponsored: true}\n"
        "      - {date: 2026-06-01, views: 8000, likes: 300}   # before the export's range\n",
    )
    kit = write(tmp_path, typed)
    report = import_exports(kit, [DATA / "youtube_studio"], dry_run=False, today=TODAY)
    (change,) = report.plan.changes
    # The typed video is matched by its ID and takes the export's counts; the other stays.
    assert (change.added, change.updated, change.unchanged) == (2, 1, 0)
    assert "the kit file" in (change.posts_file or "")
    platform = check_kit(kit, today=TODAY).kit.platforms[2]
    assert platform.posts_csv is None
    assert [(post.date.isoformat(), post.views, post.sponsored) for post in platform.posts] == [
        ("2026-06-01", 8000, False),
        ("2026-09-27", 20000, True),  # the export's views; the creator's "sponsored" kept
        ("2026-10-18", 16000, False),
        ("2026-11-08", 12000, False),
    ]
    assert "# before the export's range" in kit.read_text(encoding="utf-8")


def test_a_posts_csv_keeps_its_rows_and_matches_links(tmp_path: Path) -> None:
    kit = write(
        tmp_path,
        KIT.replace(
            "    followers: 18000       # read in the app\n    as_of: 2026-10-01\n",
            "    followers: 18000       # read in the app\n    as_of: 2026-10-01\n    posts_csv: ig.csv\n",
        ),
    )
    # The reel typed with its /p/ link is the export's /reel/ link; the story is not in the export.
    (kit.parent / "ig.csv").write_text(
        "date,likes,url,sponsored\n"
        "2026-10-09,850,https://instagram.com/p/DBb2xYz,true\n"
        "2026-09-20,95,,false\n",
        encoding="utf-8",
    )
    report = import_exports(
        kit, [DATA / "meta_business_suite/instagram_posts.csv"], dry_run=False, today=TODAY
    )
    (change,) = report.plan.changes
    assert (change.added, change.updated, change.unchanged) == (3, 1, 0)
    rows = (kit.parent / "ig.csv").read_text(encoding="utf-8").splitlines()
    assert rows[0] == "date,likes,url,sponsored,comments,shares,saves,views,reach,title,id"
    assert rows[1].startswith(
        "2026-10-09,900,https://instagram.com/p/DBb2xYz,true,40,60,20,15000,12000,"
    )
    assert rows[2] == "2026-09-20,95,,false,,,,,,,"
    assert len(rows) == 1 + 2 + 3


def test_a_french_kit_keeps_its_numbers_as_written(tmp_path: Path) -> None:
    # In a French kit "," is the decimal sign: "18,2k" is 18,200 followers and a
    # story's "1,2k" likes are 1,200. The import compares and checks them so, as
    # the build reads them, instead of refusing the kit or stopping with a traceback.
    kit = write(
        tmp_path,
        KIT.replace("version: 1\n", "version: 1\nlocale: fr\n").replace(
            "    followers: 18000       # read in the app\n    as_of: 2026-10-01\n",
            '    followers: "18,2k"       # read in the app\n    as_of: 2026-10-01\n'
            "    posts_csv: ig.csv\n",
        ),
    )
    (kit.parent / "ig.csv").write_text(
        "date,likes,url,sponsored\n"
        "2026-10-09,850,https://instagram.com/p/DBb2xYz,true\n"
        '2026-09-20,"1,2k",,false\n',
        encoding="utf-8",
    )
    report = import_exports(
        kit, [DATA / "meta_business_suite/instagram_posts.csv"], dry_run=False, today=TODAY
    )
    (change,) = report.plan.changes
    assert (change.added, change.updated, change.unchanged) == (3, 1, 0)
    rows = (kit.parent / "ig.csv").read_text(encoding="utf-8").splitlines()
    assert rows[2] == '2026-09-20,"1,2k",,false,,,,,,,'  # the creator's writing kept
    instagram = check_kit(kit, today=TODAY).kit.platforms[0]
    assert instagram.followers == 18_200  # 18,2 x 1000
    story = next(post for post in instagram.posts if post.date == dt.date(2026, 9, 20))
    assert story.likes == 1_200  # 1,2 x 1000


def test_a_failed_import_writes_nothing(tmp_path: Path, runner: CliRunner) -> None:
    kit = write(tmp_path)
    broken = tmp_path / "broken.csv"
    broken.write_text(
        (DATA / "substack/posts.csv")
        .read_text(encoding="utf-8")
        .replace("2026-10-20T07", "20/10/2026T07"),
        encoding="utf-8",
    )
    result = runner.invoke(
        cli, ["import", "--kit", str(kit), str(DATA / "youtube_studio"), str(broken)]
    )
    assert result.exit_code == 1
    assert f'{broken}:4:2  post_date: found "20/10/2026T07:00:00.000Z"' in result.stderr
    assert "Traceback" not in result.output
    assert kit.read_text(encoding="utf-8") == KIT
    assert sorted(path.name for path in kit.parent.iterdir()) == ["mediakit.yaml"]


def test_an_export_for_a_platform_the_kit_lacks(tmp_path: Path) -> None:
    kit = write(tmp_path, KIT.split("  - platform: tiktok")[0])
    with pytest.raises(KitError, match="has no youtube platform"):
        import_exports(kit, [DATA / "youtube_studio"], dry_run=False, today=TODAY)


def test_an_older_export_does_not_lower_a_newer_count(tmp_path: Path) -> None:
    kit = write(
        tmp_path,
        KIT.replace(
            "followers: 24000\n    as_of: 2026-10-01", "followers: 26000\n    as_of: 2026-11-21"
        ),
    )
    import_exports(kit, tiktok_zips(tmp_path), dry_run=False, today=TODAY)
    tiktok = check_kit(kit, today=TODAY).kit.platforms[1]
    assert (tiktok.followers, tiktok.as_of) == (
        26_000,
        dt.date(2026, 11, 21),
    )  # typed later by hand
    assert len(tiktok.history) == 6  # the history is still the export's


# --- done when -------------------------------------------------------------------


def all_exports(tmp_path: Path) -> list[Path]:
    exports = tmp_path / "exports"
    exports.mkdir()
    downloaded = dt.date(2026, 11, 18)
    return [
        copy_dated(
            DATA / "meta_business_suite/instagram_posts.csv", exports / "meta.csv", downloaded
        ),
        *tiktok_zips(exports),
        DATA / "youtube_studio",
        zip_folder(
            DATA / "instagram_download/en", exports / "instagram.zip", (2026, 11, 18, 8, 0, 0)
        ),
        copy_dated(DATA / "substack/posts.csv", exports / "posts.csv", dt.date(2026, 11, 19)),
    ]


def test_importing_every_export_gives_the_figures_worked_by_hand(
    tmp_path: Path, runner: CliRunner
) -> None:
    kit = write(tmp_path)
    exports = all_exports(tmp_path)
    result = runner.invoke(cli, ["import", "--kit", str(kit), *map(str, exports)])
    assert result.exit_code == 0, result.output
    stats = stats_json(check_kit(kit, today=TODAY).stats)
    by_name = {item["platform"]: item for item in stats["platforms"]}

    # Followers: Instagram's download says 18,240; TikTok's history ends at 25,000 on Nov 20;
    # YouTube and Substack give no count, so 5,200 and 1,900 stay. 18,240 + 25,000 + 5,200 + 1,900.
    assert stats["total_followers"] == 50_340

    # Instagram, by reach (every post gives it), E = likes + comments + shares + saves:
    #   Oct 2:  240 + 18 + 12 + 30 = 300  / 3,000  = 10 %
    #   Oct 9:  900 + 40 + 60 + 20 = 1020 / 12,000 = 8.5 %
    #   Oct 16: 200 + 12 + 8 + 60  = 280  / 4,000  = 7 %
    #   Oct 23: 150 + 10 + 15      = 175  / 2,500  = 7 % (shares not given: left out)
    # median (7 + 8.5) / 2 = 7.75 %; mean (10 + 8.5 + 7 + 7) / 4 = 8.125 %.
    # Views: median of 4,200, 15,000, 5,000, 3,600 = (4,200 + 5,000) / 2 = 4,600.
    # 4 posts from Oct 2 to Oct 23, 21 days: 4 / (21 / 7) = 1.333 a week.
    # E sorted 175, 280, 300, 1020: Q1 = 175 + 0.75 × 105 = 253.75, Q3 = 300 + 0.25 × 720 = 480,
    # fence 480 + 1.5 × 226.25 = 819.375: the Porto reel (1020) is viral.
    instagram = by_name["instagram"]
    assert instagram["followers"] == 18_240 and instagram["as_of"] == "2026-11-18"
    assert instagram["engagement_basis"] == "reach"
    assert instagram["engagement_rate"] == pytest.approx(7.75)
    assert instagram["engagement_rate_mean"] == pytest.approx(8.125)
    assert instagram["avg_views"] == 4600
    assert instagram["posts_per_week"] == pytest.approx(4 / 3)
    assert instagram["viral_posts"] == 1

    # TikTok, by views, E = likes + comments + shares (no saves in the export):
    #   2025-12-28: 600 + 40 + 60    = 700  / 10,000 = 7 %
    #   Oct 24:     1200 + 80 + 120  = 1400 / 20,000 = 7 %
    #   Oct 31:     450 + 30         = 480  / 9,000  = 5.333 % (shares "undefined": left out)
    #   Nov 7:      2100 + 150 + 250 = 2500 / 35,000 = 7.143 %
    #   Nov 14:     300 + 20 + 40    = 360  / 6,000  = 6 %
    # sorted 5.333, 6, 7, 7, 7.143: median 7 %; mean 32.476 / 5 = 6.495 %.
    # Views: median of 10,000, 20,000, 9,000, 35,000, 6,000 = 10,000.
    # 5 posts from 2025-12-28 to 2026-11-14: 3 + 1 + 317 = 321 days; 5 / (321 / 7) = 0.109.
    # History from Nov 14 to Nov 20 is 6 days, under 30: no growth figure.
    tiktok = by_name["tiktok"]
    assert tiktok["followers"] == 25_000 and tiktok["as_of"] == "2026-11-20"
    assert tiktok["engagement_rate"] == pytest.approx(7)
    assert tiktok["engagement_rate_mean"] == pytest.approx((7 + 7 + 480 / 90 + 2500 / 350 + 6) / 5)
    assert tiktok["avg_views"] == 10_000
    assert tiktok["posts_per_week"] == pytest.approx(5 / (321 / 7))
    assert tiktok["monthly_growth"] is None
    assert tiktok["viral_posts"] == 0

    # YouTube, by views: 900 + 100 + 80 = 1080 / 20,000 = 5.4 %; 720 + 86 + 60 = 866 / 16,000
    # = 5.4125 %; 520 + 50 + 40 = 610 / 12,000 = 5.0833 %. Median 5.4 %, mean 15.8958 / 3 = 5.2986 %.
    # Views median 16,000; Sep 27 to Nov 8 is 42 days: 3 / (42 / 7) = 0.5 a week.
    youtube = by_name["youtube"]
    assert youtube["followers"] == 5_200 and youtube["as_of"] == "2026-11-20"
    assert youtube["engagement_rate"] == pytest.approx(5.4)
    assert youtube["engagement_rate_mean"] == pytest.approx((5.4 + 5.4125 + 610 / 120) / 3)
    assert youtube["avg_views"] == 16_000
    assert youtube["posts_per_week"] == pytest.approx(0.5)

    # The newsletter: 3 published posts, Oct 6 to Nov 3, 28 days: 3 / (28 / 7) = 0.75 a week;
    # no likes or opens, so no engagement rate.
    newsletter = by_name["newsletter"]
    assert newsletter["posts_per_week"] == pytest.approx(0.75)
    assert newsletter["engagement_rate"] is None
    assert newsletter["as_of"] == "2026-11-19"

    # The kit says where its figures come from, and the audience came with its source.
    table = runner.invoke(cli, ["stats", str(kit)]).output
    assert "From your TikTok Studio export of Nov 20, 2026." in table
    assert (
        "From your Meta Business Suite export and Instagram data download of Nov 18, 2026." in table
    )
    checked = check_kit(kit, today=TODAY).kit
    assert checked.primary_audience is not None
    assert checked.primary_audience.source == "Instagram data download"
    assert checked.primary_audience.countries["ES"] == 38.5

    # The kit file's comments and layout survive.
    text = kit.read_text(encoding="utf-8")
    for line in KIT.splitlines():
        if "#" in line:
            assert line.split("#", 1)[1] in text
    assert "followers: 18240       # read in the app" in text
    assert "  # Instagram is the main one\n  - platform: instagram\n" in text
    # The comment after the last platform still comes after it, not above the new lines.
    assert text.endswith(
        "    posts_csv: newsletter_posts.csv\n\n# The audience comes from the exports.\n"
    )
    assert "&id" not in text  # no YAML aliases for dates written twice

    # Importing again changes nothing, byte for byte.
    before = {path.name: path.read_bytes() for path in kit.parent.iterdir()}
    again = runner.invoke(cli, ["import", "--kit", str(kit), *map(str, exports)])
    assert again.exit_code == 0
    assert "posts: 0 added, 0 updated, 4 unchanged" in again.output
    assert "Nothing changed" in again.output
    assert {path.name: path.read_bytes() for path in kit.parent.iterdir()} == before
