"""Made-up rosters for the benchmarks: many kits of varied shapes, the same every time.

Run alone: python benchmarks/roster_kits.py FOLDER [--count 1000] [--photos]

Each creator gets 1 to 3 platforms of 1,000 to 2 million followers (video
platforms with views), posts for some, audience data (countries, ages,
genders) for most but not all, rates (exact, "from" and on-request prices)
for half, a few past collaborations, a language among five, sometimes a long
name; with --photos, a headshot of its own (so no two kits share an encoded
image). A fixed seed makes every run write the same roster.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from pathlib import Path

from PIL import Image, ImageDraw

FIRST = ["Ana", "Ben", "Chloé", "Dev", "Eun-ji", "Farah", "Gus", "Hana", "Ivo", "Jade", "Kofi"]
LAST = ["Lima", "Okafor", "Reyes", "Nguyen", "Müller", "Sato", "Costa", "Dubois", "Khan", "Ward"]
LONG = "de la Fuente y Montenegro-Castellanos del Valle"
NICHES = [
    "baking", "travel", "fitness", "gaming", "beauty", "parenting", "finance", "tech",
    "fashion", "gardening", "books", "music", "outdoors", "coffee", "vegan food", "design",
]  # fmt: skip
VIDEO = ["tiktok", "youtube", "twitch"]
OTHER = ["instagram", "newsletter", "podcast", "pinterest", "blog"]
COUNTRIES = ["US", "GB", "AU", "CA", "NZ", "DE", "FR", "ES", "BR", "PT", "MX", "IN", "NO"]
AGES = ["13-17", "18-24", "25-34", "35-44", "45-54", "55+"]
LOCALES = ["en", "en", "en", "fr", "es", "de", "pt"]
CURRENCIES = ["USD", "EUR", "AUD", "GBP"]
AS_OF = dt.date(2026, 11, 1)

BRIEF = """\
brand: Northwind Outfitters
contact_name: Sam
niches: [outdoors, travel, fitness]
target:
  age: ["25-34", "35-44"]
  countries: [US, CA, GB]
platforms: [instagram, tiktok, youtube]
"""


def shares(rng: random.Random, keys: list[str]) -> dict[str, int]:
    """Whole percentages for `keys` summing to at most 100."""
    weights = [rng.random() + 0.05 for _ in keys]
    total = sum(weights) * rng.uniform(1.0, 1.25)  # the rest is "other"
    return {key: int(100 * weight / total) for key, weight in zip(keys, weights, strict=True)}


def platform_yaml(rng: random.Random, name: str) -> str:
    followers = int(10 ** rng.uniform(3, 6.3))
    lines = [f"  - platform: {name}", f"    handle: h{rng.randrange(10**6)}"]
    lines += [f"    followers: {followers}", f"    as_of: {AS_OF.isoformat()}"]
    views = int(followers * rng.uniform(0.1, 1.5))
    if rng.random() < 0.3:  # recent posts
        lines.append("    posts:")
        for week in range(12):
            date = AS_OF - dt.timedelta(days=7 * week + rng.randrange(3))
            likes = int(views * rng.uniform(0.02, 0.09))
            lines.append(
                f"      - {{date: {date.isoformat()}, likes: {likes}, "
                f"comments: {likes // rng.randint(10, 40)}, views: {int(views * rng.uniform(0.5, 1.6))}}}"
            )
    else:
        if name in VIDEO or rng.random() < 0.5:
            lines.append(f"    avg_views: {views}")
        lines.append(f"    avg_likes: {int(views * rng.uniform(0.02, 0.08))}")
        lines.append(f"    avg_comments: {int(views * rng.uniform(0.001, 0.006))}")
    return "\n".join(lines) + "\n"


def kit_yaml(rng: random.Random, number: int, photo: bool) -> str:
    name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    if rng.random() < 0.1:
        name += f" {LONG}"
    niches = rng.sample(NICHES, rng.randint(1, 3))
    platforms = rng.sample([*rng.sample(VIDEO, 1), *OTHER], rng.randint(1, 3))
    text = f"version: 1\nlocale: {rng.choice(LOCALES)}\ncreator:\n  name: {name}\n"
    text += f"  handle: creator{number}\n  niches: [{', '.join(niches)}]\n"
    if photo:
        text += "  photo: photo.jpg\n"
    text += f"contact:\n  email: creator{number}@example.com\nplatforms:\n"
    text += "".join(platform_yaml(rng, platform) for platform in platforms)
    if rng.random() < 0.75:  # a quarter of the roster has no audience data at all
        text += f"audience:\n  source: Insights\n  as_of: {AS_OF.isoformat()}\n"
        countries = shares(rng, rng.sample(COUNTRIES, rng.randint(2, 5)))
        text += f"  countries: {{{', '.join(f'{k}: {v}' for k, v in countries.items())}}}\n"
        if rng.random() < 0.7:
            ages = shares(rng, AGES)
            text += f"  age: {{{', '.join(f'{k!r}: {v}' for k, v in ages.items())}}}\n".replace(
                "'", '"'
            )
        if rng.random() < 0.7:
            female = rng.randint(20, 90)
            text += f"  gender: {{female: {female}, male: {100 - female}}}\n"
    if rng.random() < 0.3:
        text += "collaborations:\n"
        for index in range(rng.randint(1, 3)):
            text += f"  - brand: Brand {index}\n    date: 2026-0{index + 1}\n"
            text += f"    niches: [{rng.choice(niches)}]\n"
    if rng.random() < 0.5:
        text += f"rates:\n  currency: {rng.choice(CURRENCIES)}\n  packages:\n"
        for platform in platforms[: rng.randint(1, len(platforms))]:
            kind = rng.choice(["price", "price", "price_from", "on_request"])
            value = "true" if kind == "on_request" else str(rng.randrange(100, 5000, 50))
            text += f"    - {{name: {platform} post, platform: {platform}, {kind}: {value}}}\n"
    return text


def headshot(rng: random.Random, path: Path) -> None:
    """A 900-pixel picture of its own: a two-colour gradient and a face-sized disc."""
    top = tuple(rng.randrange(256) for _ in range(3))
    bottom = tuple(rng.randrange(256) for _ in range(3))
    image = Image.new("RGB", (900, 900))
    draw = ImageDraw.Draw(image)
    for y in range(900):
        mix = y / 899
        draw.line(
            [(0, y), (899, y)],
            fill=tuple(round(a + (b - a) * mix) for a, b in zip(top, bottom, strict=True)),
        )
    draw.ellipse((270, 180, 630, 540), fill=tuple(rng.randrange(256) for _ in range(3)))
    image.save(path, "JPEG", quality=90)


def write_roster(folder: Path, count: int, *, photos: bool = False, seed: int = 17) -> Path:
    rng = random.Random(seed)
    for number in range(1, count + 1):
        kit = folder / f"creator-{number:04d}"
        kit.mkdir(parents=True, exist_ok=True)
        (kit / "mediakit.yaml").write_text(kit_yaml(rng, number, photos), encoding="utf-8")
        if photos:
            headshot(rng, kit / "photo.jpg")
    (folder.parent / "brief.yaml").write_text(BRIEF, encoding="utf-8")
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--photos", action="store_true")
    args = parser.parse_args()
    write_roster(args.folder, args.count, photos=args.photos)
    print(f"{args.count} kits in {args.folder}; a brief in {args.folder.parent / 'brief.yaml'}")


if __name__ == "__main__":
    if __package__ in (None, ""):
        sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    main()
