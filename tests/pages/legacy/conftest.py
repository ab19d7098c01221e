import json
import shutil

import pytest

from pages.models import Issuer


def docx_bytes(text):
    """A real .docx holding one paragraph of text."""
    import io

    import docx

    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


DECISION_TEXT = "Про затвердження програми житлового фонду"


def png_bytes():
    """A real 2x2 PNG."""
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (2, 2), "red").save(buffer, "PNG")
    return buffer.getvalue()


PNG = png_bytes()


def news_item(legacy_id="n1", **extra):
    item = {
        "legacy_id": legacy_id,
        "type": "news",
        "title": f"Новина {legacy_id}",
        "published": "03.05.2018 10:15",
        "url": f"/news/{legacy_id}.html",
        "body_html": "<p>Текст новини</p>",
        "summary": "Коротко",
        "tags": ["бюджет"],
        "attachments": [],
        "kind": "news",
    }
    item.update(extra)
    return item


def act_item(legacy_id="a1", **extra):
    item = {
        "legacy_id": legacy_id,
        "type": "act",
        "title": f"Про бюджет {legacy_id}",
        "published": "2018-05-04",
        "url": f"/docs/{legacy_id}",
        "body_html": "<p>Рішення</p>",
        "act_type": "council_decision",
        "number": "4-49/2018",
        "issuer": "Ніжинська міська рада",
        "adopted_on": "04.05.2018",
        "status": "in_force",
        "attachments": [{"path": "files/decision.docx", "title": "Скан рішення"}],
    }
    item.update(extra)
    return item


class BundleBuilder:
    """Writes a legacy export bundle (items.jsonl + files/) into a folder, line by line as given."""

    def __init__(self, root):
        self.root = root
        (root / "files").mkdir(parents=True, exist_ok=True)
        self.add_file("files/decision.docx", docx_bytes(DECISION_TEXT))
        self.add_file("files/photo.png", PNG)
        self.lines = []

    def add_file(self, path, data):
        target = self.root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        return self

    def add(self, *items):
        self.lines.extend(
            item if isinstance(item, str) else json.dumps(item, ensure_ascii=False) for item in items
        )
        return self

    def write(self):
        (self.root / "items.jsonl").write_text("\n".join(self.lines) + "\n", encoding="utf-8")
        return self.root

    def zip(self, target):
        self.write()
        return shutil.make_archive(str(target), "zip", self.root)


@pytest.fixture
def bundle(tmp_path):
    return BundleBuilder(tmp_path / "bundle")


@pytest.fixture
def council(db):
    """The council as the data migration made it (pages/reference_data.py)."""
    return Issuer.objects.get(name="Ніжинська міська рада")


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT
