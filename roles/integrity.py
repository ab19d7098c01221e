"""What would be left dangling if a page and its subpages went away: the acts and documents relying on them.

An act may be amended or repealed by others, be the subject of a commission document, or be the decision a
draft was adopted as. Deleting it would silently drop those links (the relation rows cascade, the draft's
link is unset); unpublishing it leaves links to a page citizens cannot open. The admin's delete and
unpublish views list them (``wagtail_hooks``); deletion is refused while any is left.
"""

import dataclasses

from django.utils.translation import gettext_lazy as _

from pages.models import ActPage, ActRelation, CommissionDocumentPage
from pages.models.kinds import RelationKind

INCOMING = {RelationKind.AMENDS: _("amends it"), RelationKind.REPEALS: _("repeals it")}


@dataclasses.dataclass(frozen=True)
class Dependent:
    """A page outside the deleted subtree that relies on ``target`` inside it."""

    page: object
    how: str
    target: object


def dependents(page) -> list[Dependent]:
    """Pages outside ``page``'s subtree that amend, repeal, concern or were adopted from its acts."""
    acts = ActPage.objects.descendant_of(page, inclusive=True)
    inside = set(acts.values_list("pk", flat=True))
    if not inside:
        return []
    found = []
    relations = ActRelation.objects.filter(target_id__in=inside).exclude(source_id__in=inside)
    for relation in relations.select_related("source", "target").order_by("source__path"):
        how = str(INCOMING.get(relation.kind, relation.kind))
        found.append(Dependent(relation.source, how, relation.target))
    drafts = ActPage.objects.filter(adopted_as_id__in=inside).exclude(pk__in=inside)
    drafts = drafts.select_related("adopted_as")
    for draft in drafts.order_by("path"):
        found.append(Dependent(draft, str(_("is the draft it was adopted from")), draft.adopted_as))
    documents = (
        CommissionDocumentPage.objects.filter(concerns__in=inside)
        .exclude(pk__in=inside)
        .distinct()
        .order_by("path")
    )
    for document in documents:
        for target in document.concerns.filter(pk__in=inside):
            found.append(Dependent(document, str(_("is a commission document about it")), target))
    return found
