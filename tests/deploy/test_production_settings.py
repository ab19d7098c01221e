"""Production settings: X-Forwarded-Proto is trusted only behind the proxy."""

import os
import subprocess
import sys

from django.conf import settings as django_settings

CODE = "import settings.production as s; print(getattr(s, 'SECURE_PROXY_SSL_HEADER', None))"


def production(**overrides):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "RADASITE_BEHIND_PROXY"}
    }
    env.update({"SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "nizhynrada.gov.ua"}, **overrides)
    result = subprocess.run(
        [sys.executable, "-c", CODE],
        cwd=django_settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_forwarded_proto_is_not_trusted_by_default():
    assert production() == "None"


def test_forwarded_proto_is_trusted_behind_the_proxy():
    assert production(RADASITE_BEHIND_PROXY="1") == "('HTTP_X_FORWARDED_PROTO', 'https')"


def test_deploy_files_are_complete():
    deploy = django_settings.BASE_DIR / "deploy"
    units = {path.name for path in (deploy / "systemd").iterdir()}
    assert {"radasite-web.service", "radasite-worker.service", "radasite-publish.timer"} <= units
    assert {"radasite-search-retry.timer", "radasite-backup.timer"} <= units
    nginx = (deploy / "nginx" / "radasite.conf").read_text()
    assert "location /media/" in nginx and "location /static/" in nginx and "client_max_body_size" in nginx
    assert "X-Forwarded-Proto" in nginx
    assert "manage.py db_worker" in (deploy / "systemd" / "radasite-worker.service").read_text()
    assert "publish_scheduled" in (deploy / "systemd" / "radasite-publish.service").read_text()
