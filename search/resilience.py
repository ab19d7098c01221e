"""Keeping search alive when Elasticsearch is not: a circuit breaker and a queue of failed updates.

After ``FAILURE_THRESHOLD`` failures in a row the breaker opens for ``COOL_DOWN`` seconds: no call
goes to the server (each would wait out its timeout), index updates are queued in
``PendingIndexOperation`` and searches are answered by the database backend. The state lives in
Django's cache, so with Redis all workers share it.
"""

import logging
import time

from django.apps import apps
from django.core.cache import cache
from django.db import transaction
from modelsearch.backends import get_search_backend
from modelsearch.index import get_indexed_instance

from .models import PendingIndexOperation

logger = logging.getLogger(__name__)


class BreakerOpen(ConnectionError):
    """Raised instead of calling a backend whose circuit breaker is open."""


class CircuitBreaker:
    """Counts consecutive failures of one backend and opens for a cool-down after too many."""

    def __init__(self, name: str, *, threshold: int = 3, cool_down: float = 60.0):
        self.name = name
        self.threshold = threshold
        self.cool_down = cool_down

    def _key(self, suffix):
        return f"search:breaker:{self.name}:{suffix}"

    def is_open(self) -> bool:
        return (cache.get(self._key("open_until")) or 0) > time.time()

    def record_failure(self) -> None:
        failures = (cache.get(self._key("failures")) or 0) + 1
        cache.set(self._key("failures"), failures, None)
        if failures >= self.threshold:
            cache.set(self._key("open_until"), time.time() + self.cool_down, None)
            logger.warning(
                "Search backend %s failed %d times: skipping it for %ss", self.name, failures, self.cool_down
            )

    def record_success(self) -> None:
        cache.delete_many([self._key("failures"), self._key("open_until")])

    def reset(self) -> None:
        self.record_success()


def queue_operation(*, backend: str, obj, action: str, error: str = "") -> None:
    """Remember an index update that could not be made, once per object (the latest action wins)."""
    PendingIndexOperation.objects.update_or_create(
        backend=backend,
        app_label=obj._meta.app_label,
        model_name=obj._meta.model_name,
        object_id=str(obj.pk),
        defaults={"action": action, "last_error": error[:2000]},
    )


def retry_pending_operations(*, limit: int = 1000) -> tuple[int, int]:
    """Replay queued index updates; returns (done, still pending). Stops early if a breaker opens."""
    done = 0
    for op in PendingIndexOperation.objects.all()[:limit]:
        backend = get_search_backend(op.backend)
        breaker = getattr(backend, "breaker", None)
        if breaker is not None and breaker.is_open():
            break
        model = apps.get_model(op.app_label, op.model_name)
        instance = model._default_manager.filter(pk=op.object_id).first()
        try:
            if instance is None or op.action == PendingIndexOperation.Action.DELETE:
                _raw(backend, "delete")(instance or model(pk=op.object_id))
            else:
                indexed = get_indexed_instance(instance)
                if indexed is not None:
                    _raw(backend, "add")(indexed)
        except Exception as exc:  # noqa: BLE001 - any transport error keeps the operation queued
            op.attempts += 1
            op.last_error = str(exc)[:2000]
            op.save(update_fields=["attempts", "last_error", "updated_at"])
            if breaker is not None:
                breaker.record_failure()
            continue
        if breaker is not None:
            breaker.record_success()
        with transaction.atomic():
            op.delete()
        done += 1
    return done, PendingIndexOperation.objects.count()


def _raw(backend, action):
    """The backend's call that raises on failure (a resilient backend's ``raw_*``), else the plain one."""
    return getattr(backend, f"raw_{action}", None) or getattr(backend, action)
