"""The roll-call votes of acts, as the deadline engine needs them, from whichever app records them.

Reports stand on the floor of the council app, which reads reports: so reports never import it.
An app that records roll-call votes registers a Wagtail hook named ``radasite_vote_publications``:
a function ``(act_ids)`` returning ``{act_id: [VotePublication, ...]}`` for the acts among
``act_ids`` that were put to a vote (acts without votes may be left out). The council app does.
"""

import datetime
from typing import NamedTuple

from wagtail import hooks

HOOK = "radasite_vote_publications"


class VotePublication(NamedTuple):
    """One roll-call vote on an act: its day and the day its result was published (``None``: not yet)."""

    day: datetime.date
    published_on: datetime.date | None


def vote_publications(act_ids) -> dict[int, list[VotePublication]] | None:
    """The roll-call votes of the acts ``act_ids`` by act, or ``None`` when no app records votes."""
    providers = hooks.get_hooks(HOOK)
    if not providers:
        return None
    act_ids = list(act_ids)
    found: dict[int, list[VotePublication]] = {}
    for provider in providers:
        for act_id, votes in provider(act_ids).items():
            found.setdefault(act_id, []).extend(votes)
    return found


def with_votes(items: list[dict], rules) -> list[dict]:
    """``items`` with their roll-call votes under ``votes``, read at once for the acts judged per vote."""
    judged = [
        item for item in items if any(rule.per_vote and rule.covers(item["act_type"]) for rule in rules)
    ]
    found = vote_publications(item["id"] for item in judged) if judged else None
    if found is not None:
        for item in judged:
            item["votes"] = found.get(item["id"], [])
    return items
