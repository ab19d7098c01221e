"""Matching the issuer an old site names to ours, and creating missing ones when the operator asks."""

from pages.models import Issuer

from .records import RecordError
from .slugs import make_slug


def normal_name(name: str) -> str:
    """A name without quotes, case or extra spaces: how names are compared."""
    return " ".join(name.replace("«", " ").replace("»", " ").replace('"', " ").casefold().split())


class IssuerMatcher:
    """Finds our issuer for a body's name as the old site wrote it: name, short name or any alias.

    With ``create_missing`` an unknown name becomes a new issuer (in a dry run it is only noted);
    ``created`` lists the names that were (or would be) created. The writer matches while it
    classifies a batch, outside the batch's transaction, so a created issuer stays.
    """

    def __init__(self, *, create_missing=False, dry_run=False):
        self.create_missing = create_missing
        self.dry_run = dry_run
        self.created = []
        self.by_name = {}
        for issuer in Issuer.objects.all():
            for name in [issuer.name, issuer.short_name, *issuer.alias_list()]:
                if name:
                    self.by_name.setdefault(normal_name(name), issuer.pk)

    def match(self, name: str) -> int | None:
        if not name:
            return None
        key = normal_name(name)
        if key not in self.by_name:
            if not self.create_missing:
                raise RecordError("unknown issuer", field="issuer", value=name)
            self.by_name[key] = None if self.dry_run else self._create(name).pk
            self.created.append(name)
        return self.by_name[key]

    @staticmethod
    def _create(name: str) -> Issuer:
        base = make_slug(name, max_length=56)
        slug, counter = base, 2
        while Issuer.objects.filter(slug=slug).exists():
            slug, counter = f"{base}-{counter}", counter + 1
        return Issuer.objects.create(name=name[:255], slug=slug)
