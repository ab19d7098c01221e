"""The council's time zone is declared once, in ``cms.dates``, and agrees with the site's settings."""

import os
import re
import subprocess
import sys
from pathlib import Path

from django.conf import settings

from cms.dates import KYIV

ROOT = Path(__file__).resolve().parent.parent.parent
DECLARED = re.compile(r"ZoneInfo\(\s*[\"']Europe/Kyiv[\"']")
#: Migrations stay frozen as they were written: they keep their own copy of the zone.
FROZEN = {"migrations", "tests", ".venv", "node_modules"}


def test_the_councils_zone_is_the_sites_time_zone():
    assert settings.TIME_ZONE == KYIV.key
    assert settings.WAGTAIL_USER_TIME_ZONES == [KYIV.key]


def test_no_runtime_module_declares_the_zone_again():
    declaring = [
        str(path.relative_to(ROOT))
        for path in ROOT.rglob("*.py")
        if not FROZEN.intersection(path.relative_to(ROOT).parts) and DECLARED.search(path.read_text())
    ]
    assert declaring == ["cms/dates.py"]


def test_the_zone_is_imported_without_configured_settings():
    """Scripts and the legacy readers import ``cms.dates`` before (or without) Django's setup."""
    environment = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    result = subprocess.run(
        [sys.executable, "-c", "from cms.dates import KYIV; print(KYIV.key)"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Europe/Kyiv"
