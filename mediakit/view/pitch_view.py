"""A kit tailored to one brand's brief: its fit, its platforms first, its email.

Every figure comes from the fit metrics (mediakit/metrics/fit.py); this module
words them in the kit's locale for the tailored PDF, the email and fit.json.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from mediakit.metrics.fit import Fit, audience_fit, cost_per_thousand_on_target
from mediakit.metrics.summary import KitStats
from mediakit.model.brief import Brief
from mediakit.model.kit import Kit
from mediakit.view.direction import isolate
from mediakit.view.formatting import Formatter
from mediakit.view.model import Figure, KitView, PitchView

# Sections of a tailored kit: the brand's fit right after the profile.
PITCH_SECTIONS = ("profile", "fit")


@dataclass(frozen=True)
class PitchFacts:
    """What the pitch computed for one brief, before wording."""

    fit: Fit
    on_target_views: dict[str, float]  # platform label -> on-target views per post
    cost_per_thousand: dict[str, float]  # package name -> price per 1,000 on-target views


def pitch_facts(kit: Kit, stats: KitStats, brief: Brief) -> PitchFacts:
    niches = [*kit.creator.niches, *(niche for c in kit.collaborations for niche in c.niches)]
    fit = audience_fit(kit.primary_audience, brief, niches)
    views = {item.platform.platform: item for item in stats.platforms}
    on_target = {
        item.platform.label: item.average_views * fit.on_target
        for item in stats.platforms
        if item.average_views and fit.on_target is not None
    }
    cost = {}
    for package in kit.rates.packages if kit.rates else []:
        item = views.get(package.platform) if package.platform else None
        if package.price is not None and item is not None:
            value = cost_per_thousand_on_target(package.price, item.average_views, fit.on_target)
            if value is not None:
                cost[package.name] = value
    return PitchFacts(fit, on_target, cost)


def tailor(view: KitView, kit: Kit, brief: Brief, facts: PitchFacts, fmt: Formatter) -> KitView:
    """The kit's view for one brand: fit first, the brand's platforms and niches first."""
    _ = fmt.gettext
    wanted = [platform.value for platform in brief.platforms]
    platforms = sorted(
        view.platforms, key=lambda p: wanted.index(p.slug) if p.slug in wanted else len(wanted)
    )
    brief_niches = {niche.casefold() for niche in brief.niches}
    relevance = {
        isolate(collab.brand): len(brief_niches & {niche.casefold() for niche in collab.niches})
        for collab in kit.collaborations
    }
    collaborations = sorted(
        view.collaborations, key=lambda c: -relevance.get(c.brand, 0)
    )  # stable: newest first within
    fit = facts.fit
    figures = [
        Figure(
            _("On target"), _share(fit.on_target, fmt), _("of the audience, all targets together")
        )
    ]
    if brief.target.age:
        figures.append(
            Figure(
                _("Age %(bands)s") % {"bands": ", ".join(brief.target.age)}, _share(fit.age, fmt)
            )
        )
    if brief.target.gender:
        figures.append(Figure(", ".join(brief.target.gender).capitalize(), _share(fit.gender, fmt)))
    if brief.target.countries:
        names = ", ".join(fmt.country(code) for code in brief.target.countries)
        figures.append(Figure(names, _share(fit.countries, fmt)))
    unknown = None
    if fit.unknown:
        unknown = _(
            "Not in the audience data: %(dimensions)s. Unknown, not zero, so left out of the on-target share."
        ) % {"dimensions": ", ".join(_dimension(name, fmt) for name in fit.unknown)}
    currency = kit.rates.currency if kit.rates else "USD"
    pitch = PitchView(
        brand=isolate(brief.brand),
        campaign=brief.campaign,
        fit=figures,
        unknown_note=unknown,
        niche_matches=fmt.join([isolate(niche) for niche in fit.niche_matches]),
        on_target_views=[
            Figure(label, fmt.compact(value), _("on-target views per post"))
            for label, value in facts.on_target_views.items()
        ],
        cost_per_thousand=[
            Figure(name, fmt.money(round(value, 2), currency), _("per 1,000 on-target views"))
            for name, value in facts.cost_per_thousand.items()
        ],
    )
    sections = [name for name in view.sections if name == "profile"] + ["fit"]
    sections += [name for name in view.sections if name != "profile"]
    return dataclasses.replace(
        view,
        title=_("%(name)s · Media kit for %(brand)s")
        % {"name": isolate(view.name), "brand": isolate(brief.brand)},
        platforms=platforms,
        collaborations=collaborations,
        sections=sections,
        pitch=pitch,
    )


def _share(share: float | None, fmt: Formatter) -> str:
    return fmt.percent(share * 100, 0) if share is not None else fmt.gettext("unknown")


def _dimension(name: str, fmt: Formatter) -> str:
    _ = fmt.gettext
    return {"age": _("age"), "gender": _("gender"), "countries": _("countries")}[name]


def fit_json(brief: Brief, facts: PitchFacts) -> dict[str, Any]:
    """The spec's fit object (shares in percent), with the figures behind the pitch."""
    fit = facts.fit

    def percent(share: float | None) -> float | None:
        return None if share is None else round(share * 100, 4)

    return {
        "brand": brief.brand,
        "fit": {
            "on_target": percent(fit.on_target),
            "age": percent(fit.age),
            "gender": percent(fit.gender),
            "countries": percent(fit.countries),
            "niche_matches": list(fit.niche_matches),
        },
        "unknown": list(fit.unknown),
        "on_target_views_per_post": {
            name: round(views, 1) for name, views in facts.on_target_views.items()
        },
        "cost_per_1000_on_target_views": {
            name: round(cost, 2) for name, cost in facts.cost_per_thousand.items()
        },
    }
