"""ASCII slugs for imported titles (the site allows no Unicode slugs), by the official KMU-2010 table."""

from cms.text import slugify_uk


def make_slug(title: str, max_length: int = 80) -> str:
    """A readable ASCII slug of a title, cut at a word boundary; ``item`` if nothing is left."""
    slug = slugify_uk(title, max_length=max_length)
    if len(slug) == max_length and "-" in slug:
        slug = slug.rsplit("-", 1)[0]
    return slug or "item"
