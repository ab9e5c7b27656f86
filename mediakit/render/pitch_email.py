"""The pitch email: a subject line and a short body a creator can send as it is."""

from __future__ import annotations

from mediakit.metrics.summary import KitStats
from mediakit.model.brief import Brief
from mediakit.model.kit import Kit
from mediakit.view.direction import isolate
from mediakit.view.formatting import Formatter
from mediakit.view.pitch_view import PitchFacts
from mediakit.view.wording import result_label, short_method


def pitch_email(
    kit: Kit, stats: KitStats, brief: Brief, facts: PitchFacts, pdf_name: str, fmt: Formatter
) -> str:
    _ = fmt.gettext
    # Every value from the kit or the brief is isolated where it sits in a
    # sentence, so right-to-left text or a stray U+202E cannot reorder the words.
    name = isolate(kit.creator.name)
    brand = isolate(brief.brand)
    topic = isolate(brief.campaign) if brief.campaign else _("partnership idea")
    lines = [
        _("Subject: %(name)s × %(brand)s: %(topic)s")
        % {"name": name, "brand": brand, "topic": topic},
        "",
    ]
    if brief.contact_name:
        lines.append(_("Hi %(name)s,") % {"name": isolate(brief.contact_name)})
    else:
        lines.append(_("Hello %(brand)s team,") % {"brand": brand})
    lines.append("")
    top = max(stats.platforms, key=lambda item: item.platform.followers)
    intro = _(
        "I'm %(name)s, a %(niches)s creator with %(followers)s followers on %(platform)s."
    ) % {
        "name": name,
        "niches": fmt.join([isolate(niche) for niche in kit.creator.niches[:2]]),
        "followers": fmt.compact(top.platform.followers),
        "platform": top.platform.label,
    }
    if top.engagement.rate is not None:
        # How the rate was found, as the kit says it: posts, averages or a stated figure.
        intro += " " + _("My posts there engage %(rate)s of their audience (%(method)s).") % {
            "rate": fmt.percent(top.engagement.rate),
            "method": short_method(top.engagement, fmt),
        }
    lines.append(intro)
    fit = facts.fit
    if fit.on_target is not None:
        fit_line = _("%(share)s of my audience matches the audience you are looking for.") % {
            "share": fmt.percent(fit.on_target * 100, 0)
        }
    else:
        fit_line = _(
            "My audience data does not cover the audience you target, so I cannot yet say how much of it matches."
        )
    if fit.niche_matches:
        fit_line += " " + _("We share %(niches)s.") % {
            "niches": fmt.join([isolate(niche) for niche in fit.niche_matches])
        }
    lines += ["", fit_line]
    result = _best_result(kit, brief, fmt)
    if result:
        lines += ["", result]
    if brief.campaign:
        ask = _("Would you be open to a short call about %(campaign)s?") % {
            "campaign": isolate(brief.campaign)
        }
    else:
        ask = _("Would you be open to a short call about working together?")
    lines += ["", ask]
    attachment = _("I have attached my media kit (%(file)s) with every figure and my rates.") % {
        "file": pdf_name
    }
    if kit.site.base_url:
        attachment += " " + _("It is also online: %(url)s") % {"url": kit.site.base_url}
    lines += ["", attachment, "", _("Best,"), kit.creator.name]
    return "\n".join(lines) + "\n"


def _best_result(kit: Kit, brief: Brief, fmt: Formatter) -> str | None:
    """One past result, from the collaboration closest to the brand's niches."""
    wanted = {niche.casefold() for niche in brief.niches}
    ranked = sorted(
        (c for c in kit.collaborations if c.results),
        key=lambda c: (len(wanted & {n.casefold() for n in c.niches}), c.date),
        reverse=True,
    )
    if not ranked:
        return None
    collab = ranked[0]
    results = collab.results.model_dump(exclude_none=True) if collab.results else {}
    key = next(
        (k for k in ("views", "reach", "code_uses", "clicks", "sales") if k in results), None
    )
    if key is None:
        return None
    return fmt.gettext("My recent work with %(brand)s: %(value)s %(figure)s.") % {
        "brand": isolate(collab.brand),
        "value": fmt.compact(results[key]),
        "figure": result_label(key, fmt).lower(),
    }
