"""Every image of a kit through the pipeline, into a build's staging folder.

The photo, the partner logos and the collaboration stills are published
together, in threads: Pillow lets go of the interpreter while it resizes and
encodes, so a first build (nothing cached) uses every core. Unusable images
are reported all at once, each at its place in the kit.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from mediakit.errors import KitError, Problem
from mediakit.images.favicon import SiteIcons
from mediakit.images.pipeline import (
    CENTRE,
    ImageProblem,
    PublishedImage,
    Purpose,
    Variant,
    publish_image,
)
from mediakit.kit.load import LoadedYaml
from mediakit.metrics.engagement import showcase_posts
from mediakit.model.kit import Kit


@dataclass(frozen=True)
class Images:
    """What the image pipeline published for this kit."""

    photo: PublishedImage | None = None
    logos: dict[int, PublishedImage] = field(default_factory=dict)  # by collaboration index
    stills: dict[int, PublishedImage] = field(default_factory=dict)
    # Pictures of the posts a platform shows off, by (platform index, post index).
    posts: dict[tuple[int, int], PublishedImage] = field(default_factory=dict)
    share_card: Variant | None = None  # the Open Graph picture, drawn for the site only
    icons: SiteIcons | None = None


def publish_images(document: LoadedYaml, kit: Kit, staging: Path) -> Images:
    """Run every image through the pipeline, reporting all unusable ones at once.

    Images are encoded in threads: Pillow lets go of the interpreter while it
    resizes and encodes, so a first build (nothing cached) uses every core.
    """
    jobs: list[tuple[Path, Purpose, tuple[str | int, ...]]] = []
    if kit.creator.photo:
        jobs.append((kit.creator.photo, "photo", ("creator", "photo")))
    for index, collab in enumerate(kit.collaborations):
        if collab.logo:
            jobs.append((collab.logo, "logo", ("collaborations", index, "logo")))
        if collab.image:
            jobs.append((collab.image, "still", ("collaborations", index, "image")))
    for index, platform in enumerate(kit.platforms):
        for number in showcase_posts(platform.posts):
            if (picture := platform.posts[number].image) is not None:
                jobs.append((picture, "post", ("platforms", index, "posts", number, "image")))

    def run(source: Path, purpose: Purpose) -> PublishedImage:
        focus = kit.creator.photo_focus if purpose == "photo" else None
        return publish_image(source, purpose, staging, focus=focus or CENTRE)

    problems: list[Problem] = []
    photo, logos, stills, posts = None, {}, {}, {}
    with ThreadPoolExecutor(max_workers=max(1, min(len(jobs), os.cpu_count() or 1))) as pool:
        futures = [pool.submit(run, source, purpose) for source, purpose, _ in jobs]
        # Collected in the kit's order, so errors read from top to bottom.
        for (source, purpose, loc), future in zip(jobs, futures, strict=True):
            try:
                image = future.result()
            except ImageProblem as error:
                problems.append(document.problem(loc, f"{source.name} {error}"))
                continue
            if purpose == "photo":
                photo = image
            elif purpose == "logo":
                logos[int(loc[1])] = image
            elif purpose == "post":
                posts[int(loc[1]), int(loc[3])] = image
            else:
                stills[int(loc[1])] = image
    if problems:
        raise KitError(problems)
    return Images(photo=photo, logos=logos, stills=stills, posts=posts)
