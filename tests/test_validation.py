"""Bad input gives FILE:LINE:COL, the key path, what was found and what was expected."""

from __future__ import annotations

from pathlib import Path

import pytest

from mediakit.errors import KitError
from mediakit.kit.load import load_yaml
from mediakit.kit.validate import parse_kit
from tests.conftest import ALIAS_BOMB, MINIMAL_KIT


def problems(path: Path) -> list[str]:
    with pytest.raises(KitError) as caught:
        parse_kit(load_yaml(path))
    return [p.format().replace(str(path), "KIT") for p in caught.value.problems]


def test_minimal_kit_is_valid(write_kit) -> None:
    kit = parse_kit(load_yaml(write_kit()))
    assert kit.creator.name == "Ana Lima"
    assert kit.platforms[0].followers == 12000
    assert kit.platforms[0].profile_url == "https://www.instagram.com/analima/"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        # A misspelt key, pointed at the key itself, with a suggestion.
        (
            "    followers: 12000",
            "    follower: 12000",
            'KIT:10:5  platforms[0].follower: unknown key "follower"; did you mean "followers"?',
        ),
        # A bad number.
        (
            "followers: 12000",
            "followers: lots",
            'KIT:10:16  platforms[0].followers: found "lots", expected a whole number of 0 or more, such as 18400 or "18.4k"',
        ),
        (
            "followers: 12000",
            "followers: -5",
            "KIT:10:16  platforms[0].followers: found -5, expected a whole number of 0 or more",
        ),
        # An unknown platform, with a suggestion.
        (
            "platform: instagram",
            "platform: instagarm",
            'KIT:8:15  platforms[0].platform: found "instagarm", expected one of: instagram, tiktok',
        ),
        # An impossible date.
        (
            "as_of: 2026-11-01",
            "as_of: 2026-13-01",
            'KIT:11:12  platforms[0].as_of: found "2026-13-01", expected a date written YYYY-MM-DD',
        ),
        # A missing required key points at the mapping that lacks it.
        (
            "  name: Ana Lima\n",
            "",
            'KIT:3:3  creator.name: is required but missing; add "name:" to this part of the file',
        ),
        # A scalar where a mapping belongs.
        (
            "contact:\n  email: ana@example.com",
            "contact: ana@example.com",
            'KIT:5:10  contact: found "ana@example.com", expected keys and values',
        ),
        # A list where a mapping belongs.
        (
            "contact:\n  email: ana@example.com",
            "contact: [ana@example.com]",
            "KIT:5:10  contact: found a list, expected keys and values",
        ),
        # A bad email address.
        (
            "email: ana@example.com",
            "email: ana-at-example",
            'KIT:6:10  contact.email: found "ana-at-example", expected an email address',
        ),
    ],
)
def test_one_bad_value_is_located(write_kit, old: str, new: str, expected: str) -> None:
    assert old in MINIMAL_KIT
    found = problems(write_kit(MINIMAL_KIT.replace(old, new, 1)))
    assert any(line.startswith(expected) for line in found), found
    # A misspelt key also leaves the real one missing; nothing else is reported.
    assert len(found) <= 2, found


def test_all_errors_are_reported_in_one_run(write_kit) -> None:
    text = MINIMAL_KIT.replace("followers: 12000", "followers: many").replace(
        "baking", "baking]\n  nickname: [x"
    )
    found = problems(write_kit(text))
    assert [line.split("  ")[1].split(":")[0] for line in found] == [
        "creator.nickname",
        "platforms[0].followers",
    ]


def test_yaml_1_2_keeps_norway_and_decimal_numbers(write_kit) -> None:
    kit = parse_kit(
        load_yaml(write_kit(MINIMAL_KIT + "audience:\n  countries: {NO: 4, AU: 010}\n"))
    )
    assert kit.audience is not None
    assert kit.audience.countries == {"NO": 4, "AU": 10}


def test_counts_accept_k_and_m_suffixes(write_kit) -> None:
    kit = parse_kit(
        load_yaml(write_kit(MINIMAL_KIT.replace("12000", '"18.4k"') + "    avg_views: 1.2M\n"))
    )
    assert kit.platforms[0].followers == 18400
    assert kit.platforms[0].avg_views == 1_200_000


def test_a_count_that_is_not_whole_is_refused(write_kit) -> None:
    found = problems(write_kit(MINIMAL_KIT.replace("12000", '"1.23456k"')))
    assert found[0].startswith('KIT:10:16  platforms[0].followers: found "1.23456k"')


def test_duplicate_keys_are_errors(write_kit) -> None:
    found = problems(
        write_kit(
            MINIMAL_KIT.replace("    as_of: 2026-11-01", "    as_of: 2026-11-01\n    followers: 3")
        )
    )
    assert found[0].startswith("KIT:12:5  ")
    assert 'duplicate key "followers"' in found[0]


def test_yaml_syntax_error_is_located(write_kit) -> None:
    found = problems(write_kit(MINIMAL_KIT.replace("niches: [baking]", "niches: [baking")))
    # At the "[" that is never closed (line 4, column 11), not on line 5 where the parser gave up.
    assert found[0].startswith('KIT:4:11  this "[" opens a list that is not closed')


def test_empty_file(write_kit) -> None:
    assert problems(write_kit(""))[0].startswith("KIT:1:1  is empty")


def test_top_level_list_is_refused(write_kit) -> None:
    assert "expected keys and values" in problems(write_kit("- a\n- b\n"))[0]


def test_binary_and_wrong_encoding(tmp_path: Path) -> None:
    binary = tmp_path / "binary.yaml"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    assert "binary file" in problems(binary)[0]
    latin = tmp_path / "latin.yaml"
    latin.write_bytes(MINIMAL_KIT.replace("Ana Lima", "Zoé").encode("latin-1"))
    assert problems(latin)[0].startswith("KIT:3:11  is not UTF-8 text")


def test_missing_file_says_how_to_start(tmp_path: Path) -> None:
    assert "mediakit init" in problems(tmp_path / "nope.yaml")[0]


def test_alias_bomb_is_refused(write_kit) -> None:
    assert "aliases" in problems(write_kit(ALIAS_BOMB))[0]


def test_distribution_over_100_and_overlapping_age_bands(write_kit) -> None:
    text = (
        MINIMAL_KIT
        + 'audience:\n  gender: {female: 80, male: 30}\n  age: {"18-24": 50, "20-30": 10}\n'
    )
    found = problems(write_kit(text))
    assert found[0].startswith("KIT:13:11  audience.gender: the shares add up to 110")
    assert found[1].startswith('KIT:14:8  audience.age: the age bands "18-24" and "20-30" overlap')


def test_percent_over_100(write_kit) -> None:
    found = problems(write_kit(MINIMAL_KIT + "    engagement_rate: 140\n"))
    assert found[0].startswith(
        "KIT:12:22  platforms[0].engagement_rate: found 140, expected 100 or less"
    )


def test_bad_country_code(write_kit) -> None:
    found = problems(write_kit(MINIMAL_KIT + "audience:\n  countries: {Australia: 50}\n"))
    assert found[0].startswith(
        'KIT:13:15  audience.countries.Australia: found "Australia", expected a two-letter'
    )


def test_package_needs_exactly_one_kind_of_price(write_kit) -> None:
    text = MINIMAL_KIT + "rates:\n  currency: AUD\n  packages:\n    - {name: Reel}\n"
    assert problems(write_kit(text))[0].startswith(
        "KIT:15:7  rates.packages[0]: give exactly one of price"
    )


def test_bad_currency(write_kit) -> None:
    text = MINIMAL_KIT + "rates:\n  currency: dollars\n"
    assert problems(write_kit(text))[0].startswith(
        'KIT:13:13  rates.currency: found "dollars", expected a three-letter'
    )


def test_accent_cannot_inject_css(write_kit) -> None:
    text = MINIMAL_KIT + 'theme:\n  accent: "#fff; } body { display: none"\n'
    assert problems(write_kit(text))[0].startswith("KIT:13:11  theme.accent: found")


@pytest.mark.parametrize(
    ("photo", "message"),
    [
        ("/etc/hostname", "found the absolute path"),
        ("../outside.jpg", "leads outside the kit's folder"),
        ("missing.jpg", 'there is no file "missing.jpg"'),
        ("https://example.com/me.jpg", "never downloaded"),
    ],
)
def test_image_paths_stay_inside_the_kit_folder(
    write_kit, tmp_path: Path, photo: str, message: str
) -> None:
    (tmp_path.parent / "outside.jpg").write_bytes(b"x")
    text = MINIMAL_KIT.replace("  niches: [baking]", f"  niches: [baking]\n  photo: {photo}")
    found = problems(write_kit(text))
    assert found[0].startswith("KIT:5:10  creator.photo: ")
    assert message in found[0]


def test_symlink_leading_outside_is_refused(write_kit, tmp_path: Path) -> None:
    secret = tmp_path.parent / f"{tmp_path.name}-secret.jpg"
    secret.write_bytes(b"x")
    (tmp_path / "photo.jpg").symlink_to(secret)
    text = MINIMAL_KIT.replace("  niches: [baking]", "  niches: [baking]\n  photo: photo.jpg")
    assert "leads outside the kit's folder" in problems(write_kit(text))[0]


def test_posts_csv_errors_point_into_the_csv(write_kit, tmp_path: Path) -> None:
    (tmp_path / "posts.csv").write_text(
        "date,likes,views\n2026-11-01,10,100\n2026-11-02,many,200\n", encoding="utf-8"
    )
    kit_path = write_kit(MINIMAL_KIT + "    posts_csv: posts.csv\n")
    with pytest.raises(KitError) as caught:
        parse_kit(load_yaml(kit_path))
    problem = caught.value.problems[0]
    assert (problem.file, problem.line, problem.column) == (tmp_path / "posts.csv", 3, 2)
    assert 'found "many", expected a whole number' in problem.message


def test_posts_csv_unknown_column(write_kit, tmp_path: Path) -> None:
    (tmp_path / "posts.csv").write_text("date,likez\n2026-11-01,10\n", encoding="utf-8")
    with pytest.raises(KitError) as caught:
        parse_kit(load_yaml(write_kit(MINIMAL_KIT + "    posts_csv: posts.csv\n")))
    problem = caught.value.problems[0]
    assert (problem.line, problem.column) == (1, 2)
    assert 'did you mean "likes"?' in problem.message


def test_posts_csv_is_read_and_sorted(write_kit, tmp_path: Path) -> None:
    (tmp_path / "posts.csv").write_text(
        "date,likes,views,sponsored\n2026-11-02,20,,true\n2026-11-01,10,100,\n", encoding="utf-8"
    )
    kit = parse_kit(load_yaml(write_kit(MINIMAL_KIT + "    posts_csv: posts.csv\n")))
    posts = kit.platforms[0].posts
    assert [p.likes for p in posts] == [10, 20]
    assert posts[1].views is None and posts[1].sponsored is True


def test_empty_optional_section_means_absent(write_kit) -> None:
    kit = parse_kit(load_yaml(write_kit(MINIMAL_KIT + "site:\ntheme:\n")))
    assert kit.site.pdf_name is None


def test_unknown_locale(write_kit) -> None:
    found = problems(write_kit(MINIMAL_KIT + "locale: klingon\n"))
    assert found[0].startswith('KIT:12:9  locale: found "klingon", expected a language code')


def test_regional_locale_is_accepted(write_kit) -> None:
    assert parse_kit(load_yaml(write_kit(MINIMAL_KIT + "locale: pt-BR\n"))).locale == "pt-BR"


def test_posts_csv_outside_the_kit_folder_is_refused(write_kit, tmp_path: Path) -> None:
    (tmp_path.parent / "posts.csv").write_text("date,likes\n2026-11-01,1\n")
    found = problems(write_kit(MINIMAL_KIT + "    posts_csv: ../posts.csv\n"))
    assert found[0].startswith("KIT:12:16  platforms[0].posts_csv: ")
    assert "leads outside the kit's folder" in found[0]


def test_oversized_posts_csv(write_kit, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import mediakit.kit.load

    # One limit for every file a creator gives, kit or CSV.
    monkeypatch.setattr(mediakit.kit.load, "MAX_FILE_BYTES", 1000)  # the kit is far smaller
    (tmp_path / "posts.csv").write_text("date,likes\n" + "2026-11-01,1\n" * 200)
    assert (
        "posts.csv  is larger than"
        in problems(write_kit(MINIMAL_KIT + "    posts_csv: posts.csv\n"))[0]
    )


def test_oversized_kit_file(write_kit, monkeypatch: pytest.MonkeyPatch) -> None:
    import mediakit.kit.load

    monkeypatch.setattr(mediakit.kit.load, "MAX_FILE_BYTES", 100)
    assert "is larger than" in problems(write_kit())[0]


def test_a_posts_csv_that_cannot_be_read_is_located(tmp_path: Path) -> None:
    # The same rules as the kit file: a bad byte is pointed at, a binary file named.
    kit = tmp_path / "mediakit.yaml"
    kit.write_text(MINIMAL_KIT + "    posts_csv: posts.csv\n", encoding="utf-8")
    csv_file = tmp_path / "posts.csv"
    csv_file.write_bytes("date,likes\n2026-10-01,300\n2026-10-02,caf\xe9\n".encode("latin-1"))
    assert problems(kit)[0].startswith(f"{csv_file}:3:15  is not UTF-8 text")  # é is the 15th
    csv_file.write_bytes(b"date,likes\x00\n")
    assert problems(kit)[0] == f"{csv_file}  is a binary file, not a CSV text file."


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        # YAML reads `#1F7A8C` after a space as a comment: the accent would silently be empty.
        (
            "contact:",
            "theme:\n  accent: #1F7A8C\ncontact:",
            'KIT:6:11  theme.accent: found nothing: YAML reads "#1F7A8C" as a comment, '
            'because # starts one. Put the value in quotes: accent: "#1F7A8C"',
        ),
        # A hashtag as a list item: `- #baking` is an empty item and a comment.
        (
            "  niches: [baking]",
            "  niches:\n    - #baking",
            'KIT:5:7  creator.niches[0]: found nothing: YAML reads "#baking" as a comment, '
            'because # starts one. Put the value in quotes: - "#baking"',
        ),
    ],
)
def test_a_value_read_as_a_comment_says_put_it_in_quotes(
    write_kit, old: str, new: str, expected: str
) -> None:
    assert problems(write_kit(MINIMAL_KIT.replace(old, new)))[0] == expected


def test_a_comment_written_as_a_note_is_not_a_value(write_kit) -> None:
    # "# optional" (a space after #) is a note to self: the key is simply empty.
    kit = parse_kit(load_yaml(write_kit(MINIMAL_KIT + "theme:\n  accent: # pick one later\n")))
    assert kit.theme.accent is None
