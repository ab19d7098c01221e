"""Search's own data: editor-managed synonyms and index updates waiting to be retried."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SynonymGroup(models.Model):
    """Words and phrases that mean the same to a citizen (виконком ↔ виконавчий комітет).

    A query that contains one of them also finds pages that use any other.
    """

    terms = models.TextField(
        _("terms"),
        help_text=_("One word or phrase per line, e.g. «виконком» and «виконавчий комітет»."),
    )

    panels = ["terms"]

    class Meta:
        verbose_name = _("synonym group")
        verbose_name_plural = _("synonym groups")

    def __str__(self):
        return " ↔ ".join(self.term_list())

    def term_list(self):
        return [line.strip() for line in self.terms.splitlines() if line.strip()]


class PendingIndexOperation(models.Model):
    """An index update that a search backend could not take; retried by ``retry_search_updates``."""

    class Action(models.TextChoices):
        ADD = "add", _("add or update")
        DELETE = "delete", _("delete")

    backend = models.CharField(_("search backend"), max_length=64)
    app_label = models.CharField(max_length=100)
    model_name = models.CharField(max_length=100)
    object_id = models.CharField(max_length=64)
    action = models.CharField(_("action"), max_length=8, choices=Action.choices)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("pending index update")
        verbose_name_plural = _("pending index updates")
        ordering = ["updated_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["backend", "app_label", "model_name", "object_id"],
                name="unique_pending_index_operation",
            ),
        ]

    def __str__(self):
        return f"{self.action} {self.app_label}.{self.model_name}:{self.object_id} → {self.backend}"


class Posting(models.Model):
    """One term of one live page in the citizen-search index, and how strongly the page is about it.

    The term is a lemma or an act-number token from ``cms.analysis`` (the same analysis as the
    query). Written by the database search backend (``search.backends.database``) whenever a page is
    indexed, read by ``search.postings.find``; see there for why the site keeps its own postings.
    """

    term = models.CharField(max_length=64)
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+", db_index=False)
    weight = models.PositiveSmallIntegerField()

    class Meta:
        indexes = [
            # Covers the query: a term's pages and weights are read from the index alone.
            models.Index(fields=["term", "page", "weight"], name="search_posting_term"),
            models.Index(fields=["page"], name="search_posting_page"),
        ]

    def __str__(self):
        return f"{self.term} → {self.page_id} ({self.weight})"
