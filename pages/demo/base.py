"""What every part of the demo shares: the content files, the run's state and the idempotent ``ensure_*``.

Every demo item has a stable key (a page's slug under its parent, a document's or image's title, an
issuer's name), so a second run finds what the first one made and creates nothing. Content is drawn
from a fixed random seed, so every run on every machine builds the same site.
"""

import dataclasses
import datetime
import functools
import hashlib
import io
import json
import random
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from django.contrib.auth.models import AbstractBaseUser
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.utils.file import hash_filelike

from cms.models import CouncilDocument, ExtractionStatus
from cms.pdf import make_pdf

SEED = 2018
CONTENT = Path(__file__).resolve().parent / "content"


class DemoError(Exception):
    """The demo cannot be built (e.g. no home page, no admin password for a new user)."""


@functools.cache
def content(name: str):
    """The demo content ``pages/demo/content/<name>.json``: texts, lists and settings, no code."""
    return json.loads((CONTENT / f"{name}.json").read_text(encoding="utf-8"))


def stream(blocks) -> list:
    """StreamField data from the content files' ``[block type, value]`` pairs."""
    return [(block_type, value) for block_type, value in blocks]


def paragraph(text: str) -> tuple:
    return ("paragraph", f"<p>{text}</p>")


@dataclasses.dataclass
class Report:
    created: Counter = dataclasses.field(default_factory=Counter)


@dataclasses.dataclass
class Demo:
    """One run of the demo loader: who owns what it creates, what it created, its random numbers."""

    user: AbstractBaseUser
    log: Callable[[str], None]
    rng: random.Random = dataclasses.field(default_factory=lambda: random.Random(SEED))
    report: Report = dataclasses.field(default_factory=Report)
    today: datetime.date = dataclasses.field(default_factory=timezone.localdate)

    def ensure_page(self, parent, page, *, after_create=None):
        """The child of ``parent`` with ``page.slug``, or ``page`` added and published with a revision.

        ``after_create(page)`` may set cluster relations (tags, many-to-many) in memory: the
        revision takes them from the page and publishing it writes them.
        """
        existing = parent.get_children().filter(slug=page.slug).specific().first()
        if existing:
            return existing
        page.owner = self.user
        parent.add_child(instance=page)
        if after_create:
            after_create(page)
        page.save_revision(user=self.user, log_action=False).publish(user=self.user, log_action=False)
        self.report.created["сторінок"] += 1
        self.log(f"+ {page.url_path}")
        return page

    def ensure_pdf(self, *, title, paragraphs):
        """The document titled ``title``, or a new PDF of ``paragraphs`` with its text already extracted."""
        existing = CouncilDocument.objects.filter(title=title).first()
        if existing:
            return existing
        content = make_pdf(title=title, paragraphs=paragraphs)
        document = CouncilDocument(
            title=title,
            extracted_text="\n".join([title, *paragraphs]),
            extraction_status=ExtractionStatus.DONE,
            content_hash=hashlib.sha256(content).hexdigest(),
            uploaded_by_user=self.user,
            # Size and hash as the admin's upload records them, from the bytes we hold.
            file_size=len(content),
            file_hash=hash_filelike(io.BytesIO(content)),
        )
        document.file.save(
            f"{hashlib.sha1(title.encode()).hexdigest()[:12]}.pdf", ContentFile(content), save=False
        )
        document.save()
        self.report.created["документів"] += 1
        return document

    def ensure_image(self, *, title, colour):
        """The image titled ``title``, or a new 1200×675 JPEG of circles on ``colour``."""
        Image = get_image_model()
        existing = Image.objects.filter(title=title).first()
        if existing:
            return existing
        colour = tuple(colour)
        picture = PILImage.new("RGB", (1200, 675), colour)
        draw = ImageDraw.Draw(picture)
        rng = random.Random(title)
        for _ in range(6):
            x, y, r = rng.randint(0, 1200), rng.randint(0, 675), rng.randint(60, 260)
            shade = tuple(min(255, c + rng.randint(20, 70)) for c in colour)
            draw.ellipse([x - r, y - r, x + r, y + r], fill=shade)
        draw.rectangle([0, 600, 1200, 675], fill=(7, 42, 80))
        buffer = io.BytesIO()
        picture.save(buffer, format="JPEG", quality=80)
        data = buffer.getvalue()
        image = Image(
            title=title,
            uploaded_by_user=self.user,
            file_size=len(data),
            file_hash=hash_filelike(io.BytesIO(data)),
        )
        image.file = ImageFile(
            io.BytesIO(data), name=f"demo-{hashlib.sha1(title.encode()).hexdigest()[:10]}.jpg"
        )
        image.save()
        self.report.created["зображень"] += 1
        return image
