"""Media monitoring: where articles come from, the articles, what is watched for and what was found."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from council.names import name_parts


class SourceKind(models.TextChoices):
    """How a source is read: its RSS/Atom feed, or a page whose article links are followed."""

    FEED = "feed", _("RSS/Atom feed")
    PAGE = "page", _("Page with article links")


class FetchStatus(models.TextChoices):
    """The outcome of a source's last fetch."""

    NEVER = "", _("Never fetched")
    OK = "ok", _("OK")
    NOT_MODIFIED = "not_modified", _("Not modified")
    ERROR = "error", _("Error")


class Tone(models.TextChoices):
    """The reviewer's reading of an article's tone towards the council."""

    UNKNOWN = "", _("Not assessed")
    POSITIVE = "positive", _("Positive")
    NEUTRAL = "neutral", _("Neutral")
    NEGATIVE = "negative", _("Negative")


class WatchKind(models.TextChoices):
    """What a watch-list entry stands for; act numbers match as whole number tokens."""

    BODY = "body", _("Council body")
    MAYOR = "mayor", _("Mayor")
    DEPUTY = "deputy", _("Deputy")
    ORGANISATION = "organisation", _("Organisation")
    TOPIC = "topic", _("Topic")
    ACT_NUMBER = "act_number", _("Act number")


class Source(models.Model):
    """A local or regional medium or site, read through its feed or through a page of links."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    kind = models.CharField(_("kind"), max_length=8, choices=SourceKind.choices, default=SourceKind.FEED)
    url = models.URLField(_("address"), max_length=1000, unique=True)
    link_selector = models.CharField(
        _("article link selector"),
        max_length=300,
        blank=True,
        help_text=_("For a page without a feed: a CSS selector of the links to articles, e.g. «.news a»."),
    )
    date_format = models.CharField(
        _("date format"),
        max_length=100,
        blank=True,
        help_text=_("For a page without a feed: how dates are written, e.g. «%d.%m.%Y»."),
    )
    check_interval = models.DurationField(_("check interval"), default=datetime.timedelta(hours=1))
    enabled = models.BooleanField(_("enabled"), default=True)
    last_fetch_at = models.DateTimeField(_("last fetched at"), null=True, blank=True, editable=False)
    last_status = models.CharField(
        _("last status"), max_length=16, choices=FetchStatus.choices, blank=True, editable=False
    )
    last_error = models.TextField(_("last error"), blank=True, editable=False)
    etag = models.CharField(max_length=300, blank=True, editable=False)
    last_modified = models.CharField(max_length=100, blank=True, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self):
        return self.name


class Article(models.Model):
    """One publication, stored once by its canonical address; its text is the extracted body."""

    source = models.ForeignKey(
        Source, verbose_name=_("source"), on_delete=models.CASCADE, related_name="articles"
    )
    url = models.URLField(_("address"), max_length=1000, unique=True)
    #: The canonical address the source gave, when it redirected to ``url``: known, it is not read again.
    announced_url = models.URLField(
        _("announced address"), max_length=1000, blank=True, db_index=True, editable=False
    )
    title = models.CharField(_("title"), max_length=500)
    published = models.DateTimeField(_("published"), null=True, blank=True, db_index=True)
    fetched_at = models.DateTimeField(_("fetched at"), auto_now_add=True)
    text = models.TextField(_("text"), blank=True)
    fingerprint = models.BigIntegerField(_("fingerprint"), default=0, db_index=True, editable=False)
    duplicate_of = models.ForeignKey(
        "self",
        verbose_name=_("duplicate of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="duplicates",
        editable=False,
    )
    relevant = models.BooleanField(_("relevant"), null=True, blank=True)
    tone = models.CharField(_("tone"), max_length=8, choices=Tone.choices, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["-published", "-pk"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    def __str__(self):
        return self.title

    def matched_phrases(self) -> str:
        """The phrases found in the article, as written there (prefetch ``mentions`` for lists)."""
        return ", ".join(mention.phrase for mention in self.mentions.all())


class WatchEntry(models.Model):
    """A phrase watched for in articles: a body, the mayor, an organisation, a topic or an act number."""

    kind = models.CharField(_("kind"), max_length=16, choices=WatchKind.choices)
    phrase = models.CharField(
        _("phrase"),
        max_length=300,
        help_text=_("Written in any grammatical form: «міський голова» also finds «міському голові»."),
    )
    enabled = models.BooleanField(_("enabled"), default=True)
    deputy = models.ForeignKey(
        "council.Deputy",
        verbose_name=_("deputy"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="watch_entries",
        editable=False,
    )
    organisation = models.ForeignKey(
        "registry.Organization",
        verbose_name=_("registry organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="watch_entries",
        help_text=_(
            "The organisation's record in the registry of NGOs and party organisations. Left empty, "
            "it is found by the phrase when the registry has exactly one organisation of that name."
        ),
    )

    class Meta:
        ordering = ["kind", "phrase"]
        verbose_name = _("watch-list entry")
        verbose_name_plural = _("watch-list entries")
        constraints = [models.UniqueConstraint(fields=["kind", "phrase"], name="monitoring_watch_unique")]

    def __str__(self):
        return self.phrase

    def clean(self):
        super().clean()
        if self.kind == WatchKind.DEPUTY and len(name_parts(self.phrase or "")) < 2:
            raise ValidationError(
                {"phrase": _("Give the deputy's surname and first name, e.g. «Бойко Олександр Миколайович».")}
            )
        if self.organisation_id and self.kind != WatchKind.ORGANISATION:
            raise ValidationError(
                {"organisation": _("Only an entry of the kind «Organisation» links a registry organisation.")}
            )


class Mention(models.Model):
    """A watch-list entry found in an article, with the words as written and their context."""

    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="mentions"
    )
    entry = models.ForeignKey(
        WatchEntry, verbose_name=_("watch-list entry"), on_delete=models.CASCADE, related_name="mentions"
    )
    phrase = models.CharField(_("phrase"), max_length=300)
    snippet = models.TextField(_("snippet"))

    class Meta:
        ordering = ["article", "entry"]
        verbose_name = _("mention")
        verbose_name_plural = _("mentions")
        constraints = [models.UniqueConstraint(fields=["article", "entry"], name="monitoring_mention_unique")]

    def __str__(self):
        return f"{self.phrase}: {self.article}"


class MonthlyNoteText(models.Model):
    """The editors' narrative paragraphs of one month's note to the regional administration.

    The figures, lists and quotes of the note are counted; these paragraphs are written by hand and
    printed in the note's DOCX and HTML under their headings (a blank line starts a new paragraph)."""

    month = models.DateField(
        _("month"),
        unique=True,
        help_text=_("Any day of the month; it is stored as the first day of the month."),
    )
    situation = models.TextField(
        _("general situation"),
        blank=True,
        help_text=_("The socio-political situation in the city this month, as the note opens with it."),
    )
    civil_society = models.TextField(
        _("civil society and parties"),
        blank=True,
        help_text=_("What the NGOs and local party organisations did, beyond the list of interactions."),
    )
    media = models.TextField(
        _("media"), blank=True, help_text=_("How the media covered the council and the city this month.")
    )
    conclusions = models.TextField(_("conclusions and proposals"), blank=True)

    class Meta:
        ordering = ["-month"]
        verbose_name = _("monthly note text")
        verbose_name_plural = _("monthly note texts")

    def __str__(self):
        return f"{self.month:%m.%Y}" if self.month else ""

    def clean(self):
        super().clean()
        if isinstance(self.month, datetime.date):
            self.month = self.month.replace(day=1)

    @staticmethod
    def paragraphs(text: str) -> list[str]:
        """The paragraphs of a narrative field: its non-empty lines, stripped."""
        return [line.strip() for line in text.splitlines() if line.strip()]


class FetchLease(models.Model):
    """The one fetch run going on: taken at its start, renewed as it goes, deleted at its end.

    A run killed before its end (kill -9, the machine rebooted) leaves its row; the next run takes it
    over once ``expires_at`` has passed (``monitoring.lease``)."""

    name = models.CharField(_("name"), max_length=50, primary_key=True)
    holder = models.CharField(_("holder"), max_length=200)
    token = models.CharField(max_length=32)
    started_at = models.DateTimeField(_("started at"))
    expires_at = models.DateTimeField(_("expires at"))

    class Meta:
        verbose_name = _("fetch lease")
        verbose_name_plural = _("fetch leases")

    def __str__(self):
        return f"{self.name}: {self.holder}"
