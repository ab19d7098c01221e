"""``load_demo``: the demo site built (or completed) under the home page, and the admin account."""

from django.contrib.auth import get_user_model
from wagtail import hooks
from wagtail.models import Site

from pages import models as m

from .acts import ensure_acts
from .base import Demo, DemoError, Report
from .commissions import ensure_commissions, ensure_videos
from .news import ensure_news
from .site import ensure_issuers, ensure_sections, ensure_settings, ensure_standard_pages


def ensure_admin(*, username, password, email):
    """Create the superuser ``username`` or make it one again and reset its password."""
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    if user is None and not password:
        raise DemoError("Вкажіть --admin-password: користувача ще немає, його треба створити з паролем.")
    if user is None:
        return User.objects.create_superuser(username=username, email=email, password=password), True
    user.is_staff = user.is_superuser = user.is_active = True
    if password:
        user.set_password(password)
    user.save()
    return user, False


def build(demo: Demo, home) -> Report:
    """Every part of the demo under ``home``, in the order their links need."""
    ensure_settings(home)
    issuers = ensure_issuers(demo)
    sections = ensure_sections(demo, home)
    ensure_standard_pages(demo, home)
    acts = ensure_acts(demo, sections["acts"], issuers)
    ensure_news(demo, sections["news"], acts)
    ensure_commissions(demo, sections["commissions"], acts)
    ensure_videos(demo, sections["videos"])
    return demo.report


def load_demo(*, admin_user, admin_password, admin_email="admin@example.org", log=print) -> Report:
    """Build (or complete) the demo site and the admin account; return what was created."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        raise DemoError("Немає сайту за замовчуванням: спершу виконайте `manage.py migrate`.")
    home = site.root_page.specific
    if not isinstance(home, m.HomePage):
        raise DemoError("Коренева сторінка сайту не є головною сторінкою (HomePage).")
    user, created = ensure_admin(username=admin_user, password=admin_password, email=admin_email)
    report = build(Demo(user=user, log=log), home)
    # Apps above pages add their demo content through this hook (e.g. discussion: comments on a draft).
    for hook in hooks.get_hooks("radasite_load_demo"):
        hook(home=home, user=user, report=report)
    if created:
        report.created["користувачів"] += 1
    return report
