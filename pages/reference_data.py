"""The site's own reference data: the bodies of the Nizhyn city council that issue acts.

They are not demo content: a freshly migrated site must be able to import its legacy acts, which
name these bodies. A data migration (``0005_legacy_council_issuers``) creates them; ``load_demo``
reuses them. Each is found by its slug, so editors may rename them or add other names in the admin
afterwards and a re-run changes nothing.
"""

#: (slug, name, short name, other names one per line): the names legacy sites use for each body.
COUNCIL_ISSUERS = (
    (
        "miska-rada",
        "Ніжинська міська рада",
        "Міська рада",
        "Ніжинська міська рада Чернігівської області\nМіськрада\nНіжинська міськрада",
    ),
    (
        "vykonkom",
        "Виконавчий комітет Ніжинської міської ради",
        "Виконком",
        "Виконком\nВиконавчий комітет\nВиконком Ніжинської міської ради\n"
        "Виконавчий комітет Ніжинської міської ради Чернігівської області",
    ),
    (
        "miskyi-holova",
        "Ніжинський міський голова",
        "Міський голова",
        "Міський голова\nНіжинський міський голова Чернігівської області",
    ),
)


def ensure_council_issuers(issuer_model) -> dict:
    """Create the council's issuers that are missing (by slug); returns {slug: (issuer, created)}.

    ``issuer_model`` is ``pages.Issuer`` or, in a migration, its historical model. Existing rows are
    left as editors made them.
    """
    issuers = {}
    for slug, name, short_name, aliases in COUNCIL_ISSUERS:
        issuers[slug] = issuer_model.objects.get_or_create(
            slug=slug, defaults={"name": name, "short_name": short_name, "aliases": aliases}
        )
    return issuers
