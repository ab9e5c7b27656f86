"""Instagram's "Download your information" (JSON), for professional accounts.

`logged_information/past_instagram_insights/` holds `audience_insights.json`
(followers, and shares by age, gender, country and city),
`profiles_reached.json` and `posts.json`. Every figure is a string in a
`string_map_data` entry (`{"value": "13-17: 0.6%, 18-24: 41.1%"}`), and the
labels are in the account's language: "Follower percentage by country" in
English, "Porcentagem de seguidores por país" in Portuguese. The labels of
the five languages mediakit speaks are below; country names are read in
all five with Babel. Non-ASCII text comes with each UTF-8 byte escaped on its
own ("pa\\u00c3\\u00ads"), which is undone before anything is read.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from mediakit.errors import KitError, Problem
from mediakit.kit.imports.countries import shares_by_country
from mediakit.kit.imports.result import Export
from mediakit.kit.imports.sources import ExportFile
from mediakit.kit.imports.table import CellError, parse_count, validated
from mediakit.model.audience import Audience
from mediakit.model.platform import PlatformName, Post

NAME = "Instagram data download (JSON, past_instagram_insights)"
SOURCE = "Instagram data download"
COLUMNS = ("audience_insights.json", "posts.json", "profiles_reached.json")
FOLDER = "past_instagram_insights"

# Each figure's label, as exports in English, French, Spanish, German and
# Portuguese write it (compared without case: exports differ in capitals).
# The audience labels are those of real `audience_insights.json` files
# ("Follower Percentage by Age for All Genders"); where a language's own
# label is not known, the English one is tried too, as some exports keep it.
LABELS = {
    "followers": ("Followers", "Seguidores", "Follower", "Abonnés"),
    "countries": (
        "Follower Percentage by Country",
        "Pourcentage de followers en fonction du pays",
        "Porcentaje de seguidores por país",
        "Prozentsatz der Follower nach Land",
        "Porcentagem de seguidores por país",
    ),
    "cities": (
        "Follower Percentage by City",
        "Pourcentage de followers en fonction de la ville",
        "Porcentaje de seguidores por ciudad",
        "Prozentsatz der Follower nach Stadt",
        "Porcentagem de seguidores por cidade",
    ),
    "age": (
        "Follower Percentage by Age for All Genders",
        "Pourcentage de followers en fonction de l'âge pour tous les genres",
        "Porcentaje de seguidores por edad para todos los géneros",
        "Prozentsatz der Follower nach Alter für alle Geschlechter",
        "Porcentagem de seguidores por idade para todos os gêneros",
    ),
    # One share each: "Total Follower Percentage for Women": "63.4%".
    "female": (
        "Total Follower Percentage for Women",
        "Female follower percentage",
        "Pourcentage du total des followers femmes",
        "Porcentaje total de seguidores mujeres",
        "Prozentsatz aller Follower Frauen",
        "Porcentagem do total de seguidores para mulheres",
    ),
    "male": (
        "Total Follower Percentage for Men",
        "Male follower percentage",
        "Pourcentage du total des followers hommes",
        "Porcentaje total de seguidores hombres",
        "Prozentsatz aller Follower Männer",
        "Porcentagem do total de seguidores para homens",
    ),
    "created": (
        "Creation timestamp",
        "Heure de création",
        "Hora de creación",
        "Erstellungszeitpunkt",
        "Horário de criação",
    ),
    "likes": ("Likes", "J'aime", "Me gusta", "Gefällt mir", "Curtidas"),
    "comments": ("Comments", "Commentaires", "Comentarios", "Kommentare", "Comentários"),
    "saves": ("Saves", "Enregistrements", "Guardados", "Gespeichert", "Salvamentos"),
    "shares": ("Shares", "Partages", "Veces compartido", "Geteilt", "Compartilhamentos"),
    "reach": (
        "Accounts reached",
        "Comptes touchés",
        "Cuentas alcanzadas",
        "Erreichte Konten",
        "Contas alcançadas",
    ),
    "views": ("Views", "Vues", "Visualizaciones", "Aufrufe", "Visualizações"),
}
_SHARE = re.compile(
    r"\s*(?P<label>[^:]+?(?::[^:\d][^:]*?)*?)\s*:\s*(?P<share>\d+(?:[.,]\d+)?)\s*%\s*(?:,|$)"
)
_AGE = re.compile(r"(\d+)\s*(?:[-–]\s*(\d+)|\+)")


def _fold(label: str) -> str:
    text = unicodedata.normalize("NFC", label).casefold().replace("’", "'")
    return " ".join(text.split())


_KEYS = {_fold(label): key for key, labels in LABELS.items() for label in labels}


def claims(file: ExportFile) -> bool:
    if not file.name.endswith(".json"):
        return False
    if FOLDER in file.path.parts:
        return True
    data = _json(file, strict=False)
    return any(key in {"countries", "age", "created"} for key, _ in _figures(data))


def read(files: list[ExportFile], today: dt.date) -> list[Export]:
    made = max((f.modified for f in files if f.modified), default=today)
    followers = None
    fields: dict[str, object] = {}
    posts: list[Post] = []
    notes: list[str] = []
    audience_file = None
    for file in files:
        data = _json(file, strict=True)
        entries = list(_entries(data))
        created = [e for e in entries if "created" in e]
        if created:
            posts.extend(_post(entry, file) for entry in created)
            continue
        figures = {key: value for entry in entries for key, value in entry.items()}
        if not {"countries", "cities", "age", "female", "male"} & set(figures):
            notes.append(f"{file.name}: nothing the kit keeps (accounts reached over a period)")
            continue
        audience_file = file
        if "followers" in figures:
            followers = _count(figures["followers"], file)
        if "countries" in figures:
            countries, unknown = shares_by_country(_shares(figures["countries"], file))
            fields["countries"] = countries
            if unknown:
                notes.append(f"countries left as other: {', '.join(unknown)}")
        if "cities" in figures:
            # "Lisbon, Lisbon District" as "Lisbon": the city, not its region.
            fields["cities"] = {
                label.split(",")[0].strip(): share
                for label, share in _shares(figures["cities"], file)
            }
        if "age" in figures:
            fields["age"] = {
                _age_band(label): share for label, share in _shares(figures["age"], file)
            }
        gender = {key: _share(figures[key], file) for key in ("female", "male") if key in figures}
        if gender:
            fields["gender"] = gender
    date = max([made, *(post.date for post in posts)])
    audience = None
    if fields and audience_file is not None:
        audience = validated(
            Audience, {"source": SOURCE, "as_of": date, **fields}, audience_file.path
        )
    lacks = []
    if posts:
        lacks.append("links to the posts (they are matched by their time of posting)")
    return [
        Export(
            platform=PlatformName.instagram,
            source=SOURCE,
            files=tuple(str(f.path) for f in files),
            date=date,
            posts=tuple(posts),
            followers=followers,
            audience=audience,
            lacks=tuple(lacks),
            notes=tuple(notes),
        )
    ]


def _json(file: ExportFile, *, strict: bool) -> Any:
    try:
        return _repaired(json.loads(file.data.decode("utf-8-sig")))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        if not strict:
            return None
        line = getattr(error, "lineno", None)
        raise KitError(
            [Problem("is not readable JSON; download your information again.", file.path, line)]
        ) from None


def _repaired(data: Any) -> Any:
    """Meta's downloads write each byte of a UTF-8 character as its own escape
    (`pa\\u00c3\\u00ads` for país): put the characters back together."""
    if isinstance(data, str):
        try:
            return data.encode("latin-1").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return data  # already whole characters (or not Meta's doing)
    if isinstance(data, list):
        return [_repaired(item) for item in data]
    if isinstance(data, dict):
        return {_repaired(key): _repaired(value) for key, value in data.items()}
    return data


def _figures(data: Any) -> Iterator[tuple[str, Any]]:
    for entry in _entries(data):
        yield from entry.items()


def _entries(data: Any) -> Iterator[dict[str, Any]]:
    """Each `string_map_data` in the file, its labels read as the figures they name."""
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            strings = node.get("string_map_data")
            if isinstance(strings, dict):
                yield {
                    _KEYS[_fold(label)]: value
                    for label, value in strings.items()
                    if _fold(label) in _KEYS and isinstance(value, dict)
                }
            stack.extend(value for key, value in node.items() if key != "string_map_data")
        elif isinstance(node, list):
            stack.extend(reversed(node))


def _count(entry: dict[str, Any], file: ExportFile) -> int | None:
    try:
        return parse_count(str(entry.get("value", "")))
    except CellError as error:
        raise KitError([Problem(str(error), file.path)]) from None


def _share(entry: dict[str, Any], file: ExportFile) -> float:
    """ "63.4%" (or "63,4%") as 63.4."""
    text = str(entry.get("value", "")).strip()
    match = re.fullmatch(r"(\d+(?:[.,]\d+)?)\s*%", text)
    if match is None:
        raise KitError(
            [Problem(f'found "{text[:40]}", expected a share such as "63.4%"', file.path)]
        )
    return float(match[1].replace(",", "."))


def _shares(entry: dict[str, Any], file: ExportFile) -> list[tuple[str, float]]:
    """ "13-17: 0.6%, 18-24: 41.1%" as [("13-17", 0.6), ("18-24", 41.1)]; decimal commas too."""
    text = str(entry.get("value", "")).strip()
    pairs = []
    position = 0
    while position < len(text):
        match = _SHARE.match(text, position)
        if not match:
            raise KitError(
                [
                    Problem(
                        f'found "{text[position : position + 40]}", expected shares such as '
                        '"18-24: 41.1%, 25-34: 30.2%"',
                        file.path,
                    )
                ]
            )
        pairs.append((match["label"], float(match["share"].replace(",", "."))))
        position = match.end()
    return pairs


def _post(entry: dict[str, Any], file: ExportFile) -> Post:
    stamp = entry["created"].get("timestamp")
    if not isinstance(stamp, int) or stamp <= 0:
        raise KitError([Problem("a post has no creation time; download again.", file.path)])
    fields: dict[str, object] = {
        "date": dt.datetime.fromtimestamp(stamp, dt.timezone.utc).date(),
        # The download gives no link to a post: its time of posting identifies it.
        "id": f"instagram-{stamp}",
    }
    for key in ("likes", "comments", "saves", "shares", "reach", "views"):
        if key in entry:
            fields[key] = _count(entry[key], file)
    return validated(Post, {k: v for k, v in fields.items() if v is not None}, file.path)


def _age_band(label: str) -> str:
    match = _AGE.search(label)
    if not match:
        return label
    return f"{match[1]}-{match[2]}" if match[2] else f"{match[1]}+"
