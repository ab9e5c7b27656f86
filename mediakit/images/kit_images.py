"""The images a kit names, what each is for and where the kit names it, and what
publishing each one would refuse.

`mediakit validate` checks them here without encoding anything, so it finds
every image a build would refuse (HEIC, a damaged or half-copied file, too
many pixels) at the line that names it. This module imports the pipeline alone,
not the pictures mediakit draws, so `validate` starts fast.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from mediakit.errors import KeyPath, Problem
from mediakit.images.pipeline import CENTRE, ImageProblem, Purpose, check_image
from mediakit.kit.load import LoadedYaml
from mediakit.metrics.engagement import showcase_posts
from mediakit.model.kit import Kit

ImageJob = tuple[Path, Purpose, KeyPath]


def image_jobs(kit: Kit) -> list[ImageJob]:
    """Every image of the kit, what it is used for, and where the kit names it."""
    jobs: list[ImageJob] = []
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
    return jobs


def image_problems(document: LoadedYaml, kit: Kit) -> list[Problem]:
    """What publishing each image would refuse, located where the kit names the image."""

    def check(source: Path, purpose: Purpose) -> str | None:
        focus = (kit.creator.photo_focus if purpose == "photo" else None) or CENTRE
        try:
            check_image(source, purpose, focus=focus)
        except ImageProblem as error:
            return f"{source.name} {error}"
        return None

    jobs = image_jobs(kit)
    # Decoded in threads, as the build does: Pillow lets go of the interpreter meanwhile.
    with ThreadPoolExecutor(max_workers=max(1, min(len(jobs), os.cpu_count() or 1))) as pool:
        verdicts = list(pool.map(lambda job: check(job[0], job[1]), jobs))
    return [
        document.problem(loc, verdict)
        for (_, _, loc), verdict in zip(jobs, verdicts, strict=True)
        if verdict is not None
    ]
