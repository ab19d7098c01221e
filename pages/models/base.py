from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

from cms.analysis import index_text
from cms.menus import site_top_pages
from pages.selectors import child_by_slug


def attachment_texts(documents) -> dict:
    """The extracted text of each of ``documents`` by id, in one query for those read without it.

    The pages' document blocks do not read the text (``cms.blocks.DocumentBlock``); a document
    model without the field has no text.
    """
    texts, deferred = {}, []
    for document in documents:
        if "extracted_text" in document.get_deferred_fields():
            deferred.append(document.pk)
        else:
            texts[document.pk] = getattr(document, "extracted_text", "")
    if deferred:
        model = type(documents[0])._meta.concrete_model
        texts |= dict(model.objects.filter(pk__in=deferred).values_list("pk", "extracted_text"))
    return texts


def _flatten(value):
    """Strings from a search field's value (strings, lists of block text, tags, related objects)."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, (list, tuple)):
        return [text for item in value for text in _flatten(item)]
    return [str(value)]


class BasePage(Page):
    """Fields every page type of the site has.

    ``legacy_id`` ties a page to the item it was imported from, so that a re-run of the
    legacy import updates the page instead of creating it again.

    ``search_lemmas`` is the page's text (its own search fields and the text extracted from its
    attachments) reduced to Ukrainian lemmas and act-number tokens by ``cms.analysis``; queries
    are analysed by the same function, so «рішенню» finds «рішення» on every search backend.
    """

    legacy_id = models.CharField(
        _("legacy id"),
        max_length=128,
        null=True,
        blank=True,
        unique=True,
        editable=False,
        help_text=_("Identifier of the item on the old site, set by the import."),
    )
    social_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("social networks image"),
        help_text=_("Shown when the page is shared (Open Graph). Defaults to the page's main image."),
    )

    promote_panels = Page.promote_panels + [FieldPanel("social_image")]
    search_fields = Page.search_fields + [index.SearchField("search_lemmas")]

    class Meta:
        abstract = True

    def route(self, request, path_components):
        """Wagtail's routing, reading a child in one query or none where it can.

        Wagtail reads a child as a ``Page``, then its specific row (two queries and the ``specific``
        machinery per level of the URL). The home page of the request's site takes its child from
        the cached top of the tree (``cms.menus.top_pages``, specific already). An index whose
        ``subpage_types`` name one model reads the child as that model at once. A child of another
        type, a missing child (404), the page itself and a routable page's own routes
        (``RoutablePageMixin`` runs first) go Wagtail's way.
        """
        top = site_top_pages(self, request) if path_components else None
        if top is not None:
            child = next((page for page in top if page.slug == path_components[0]), None)
            if child is None:
                raise Http404
            return child.route(request, path_components[1:])
        allowed = self.allowed_subpage_models() if path_components else []
        if len(allowed) == 1:
            model = allowed[0]
            child = child_by_slug(model, self, path_components[0])
            if child is not None and child.content_type_id == ContentType.objects.get_for_model(model).pk:
                child._cached_parent_obj = self
                return child.route(request, path_components[1:])
        return super().route(request, path_components)

    def get_og_image(self):
        return self.social_image or getattr(self, "main_image", None) or getattr(self, "thumbnail", None)

    def get_og_description(self):
        return self.search_description or getattr(self, "lead", "") or getattr(self, "description", "")

    def search_texts(self):
        """The page's plain texts that search reads: its search fields and its attachments' text."""
        texts = []
        for field in self.get_search_fields():
            if isinstance(field, index.SearchField) and field.field_name != "search_lemmas":
                texts.extend(_flatten(field.get_value(self)))
            elif isinstance(field, index.RelatedFields):
                related = field.get_value(self)
                if related is None:
                    continue
                objs = related.all() if hasattr(related, "all") else [related]
                for obj in objs:
                    for sub in field.fields:
                        if isinstance(sub, index.SearchField):
                            texts.extend(_flatten(sub.get_value(obj)))
        documents = getattr(self, "attached_documents", [])
        extracted = attachment_texts(documents)
        for document in documents:
            texts.append(document.title)
            texts.append(extracted.get(document.pk, ""))
        return texts

    def search_lemmas(self):
        """Lemmatised text of the page for the search index (see ``cms.analysis.index_text``).

        The database backends read every search field once per index column (title, body,
        autocomplete), so the result is kept on the instance until the next ``save()``.
        """
        if "_search_lemmas" not in self.__dict__:
            self.__dict__["_search_lemmas"] = index_text(*self.search_texts())
        return self.__dict__["_search_lemmas"]

    def save(self, *args, **kwargs):
        # The page is indexed after it is saved: forget lemmas computed from its previous text.
        self.__dict__.pop("_search_lemmas", None)
        return super().save(*args, **kwargs)
