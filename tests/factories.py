"""Factories for the site's models, built on wagtail_factories so pages land in the tree."""

import datetime

import factory
import wagtail_factories
from django.core.files.base import ContentFile
from django.db.models import Q
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection

from cms.models import CouncilDocument
from cms.pdf import make_pdf
from pages import models as m


def minimal_pdf(text: str = "Ніжинська міська рада") -> bytes:
    """A small real one-page PDF whose text layer holds ``text`` (extractable with pypdf)."""
    return make_pdf(title=text)


class DocumentFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Документ {n}")
    file = factory.LazyAttribute(lambda o: ContentFile(minimal_pdf(o.title), name="document.pdf"))

    class Meta:
        model = CouncilDocument

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        document = model_class(*args, **kwargs)
        document._set_document_file_metadata()  # file size and hash, as the admin's upload does
        document.save()
        return document


class ImageFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Зображення {n}")
    file = factory.LazyFunction(lambda: get_test_image_file(filename="photo.png"))

    class Meta:
        model = "wagtailimages.Image"


class IssuerFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Орган {n}")
    slug = factory.Sequence(lambda n: f"organ-{n}")

    class Meta:
        model = m.Issuer

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        # The council's issuers come with the site (pages/reference_data.py, a data migration): a test
        # naming one of them, by name or slug, gets that row with the test's values.
        existing = model_class.objects.filter(Q(name=kwargs.get("name")) | Q(slug=kwargs.get("slug"))).first()
        if existing is None:
            return model_class.objects.create(*args, **kwargs)
        for name, value in kwargs.items():
            setattr(existing, name, value)
        existing.save()
        return existing


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Новини"
    slug = "novyny"

    class Meta:
        model = m.NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Новина {n}")
    slug = factory.Sequence(lambda n: f"novyna-{n}")
    kind = m.NewsKind.NEWS
    date = datetime.date(2018, 11, 8)
    lead = "Короткий виклад новини."

    class Meta:
        model = m.NewsPage


class ActIndexPageFactory(wagtail_factories.PageFactory):
    title = "Документи"
    slug = "dokumenty"

    class Meta:
        model = m.ActIndexPage


class ActPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Про затвердження програми {n}")
    slug = factory.Sequence(lambda n: f"rishennia-{n}")
    act_type = m.ActType.COUNCIL_DECISION
    number = factory.Sequence(lambda n: f"{n}-49/2018")
    status = m.ActStatus.ADOPTED
    date = datetime.date(2018, 11, 8)
    adopted_on = datetime.date(2018, 11, 6)

    class Meta:
        model = m.ActPage


class CommissionIndexPageFactory(wagtail_factories.PageFactory):
    title = "Постійні комісії"
    slug = "komisii"

    class Meta:
        model = m.CommissionIndexPage


class CommissionPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Комісія {n}")
    slug = factory.Sequence(lambda n: f"komisiia-{n}")
    chair = "Іваненко Іван Іванович"
    members = "Іваненко Іван Іванович\nПетренко Петро Петрович"

    class Meta:
        model = m.CommissionPage


class CommissionDocumentPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Висновок комісії {n}")
    slug = factory.Sequence(lambda n: f"vysnovok-{n}")
    doc_type = m.CommissionDocumentType.CONCLUSION
    meeting_date = datetime.date(2018, 11, 5)
    date = datetime.date(2018, 11, 6)

    class Meta:
        model = m.CommissionDocumentPage


class VideoIndexPageFactory(wagtail_factories.PageFactory):
    title = "Відео"
    slug = "video"

    class Meta:
        model = m.VideoIndexPage


class VideoPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Відео {n}")
    slug = factory.Sequence(lambda n: f"video-{n}")
    video_url = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    date = datetime.date(2018, 11, 8)

    class Meta:
        model = m.VideoPage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Сторінка {n}")
    slug = factory.Sequence(lambda n: f"storinka-{n}")

    class Meta:
        model = m.StandardPage


def root_collection_id() -> int:
    """The root collection's id, which the admin's upload forms need once the site has several collections
    (the roles' migration adds the signed scans' and the press office's)."""
    return Collection.get_first_root_node().pk
