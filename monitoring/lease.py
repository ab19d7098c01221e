"""One fetch at a time: a lease in the database that a run takes, renews as it goes and gives back.

``fetch_media`` runs from cron or a timer and ``fetch_due_media`` from a task worker; a run slower than
the interval (a slow site, the first fetch of a big feed) would overlap the next one, and both would
read the same sources and race to store the same articles. Each run takes the lease ``FETCH`` first;
a run that finds it held stops at once, without waiting (``Busy`` says whose it is and until when).

Why a row: it works alike on SQLite and PostgreSQL and through a connection pooler (a PostgreSQL
advisory lock belongs to a session, which a pooler in transaction mode does not keep; SQLite has
none). A run killed before its end (kill -9, a reboot) cannot delete its row, so the lease expires: a
live run renews it as it goes (before each source and each article, ``FetchRun.keep_going``), so the
lease need only outlast the longest single request (``PoliteClient.longest_get``), and a dead run
holds up the next ones that long at most. Should a live run overstay its lease all the same, the run
that took it over goes on and the late one stops at its next renewal. Times are the application's
clock: the runs are meant to start on one machine.
"""

import contextlib
import datetime
import os
import socket
import uuid

from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from .models import FetchLease

#: The lease of the runs that fetch the sources (the command and the task share it).
FETCH = "fetch_media"
#: The fetch lease outlasts the longest request this many times (renewals are up to a tenth of it apart).
MARGIN = 2
MINIMUM = datetime.timedelta(minutes=5)


def _when(value: datetime.datetime) -> str:
    return f"{timezone.localtime(value):%d.%m.%Y %H:%M:%S}"


class Busy(Exception):
    """Another run holds the lease; the message, in Ukrainian, names it, its start and its expiry."""

    def __init__(self, held: FetchLease):
        self.held = held
        with translation.override("uk"):
            message = str(
                _(
                    "Another fetch run is still going (%(holder)s, started %(started)s); this run is "
                    "skipped. Should that run have died, its lock lapses at %(expires)s."
                )
            ) % {"holder": held.holder, "started": _when(held.started_at), "expires": _when(held.expires_at)}
        super().__init__(message)


def lost_message() -> str:
    """What a run that lost its lease to another says, in Ukrainian."""
    with translation.override("uk"):
        return str(
            _(
                "This run's lock lapsed and another run took it over: this run stopped, the rest is "
                "left to the next runs."
            )
        )


class Lease:
    """A lease this process holds: ``take`` it, ``renew`` it on the way, ``release`` it at the end."""

    def __init__(self, *, name: str, token: str, ttl: datetime.timedelta, now: datetime.datetime):
        self.name, self.token, self.ttl = name, token, ttl
        self.renewed_at = now
        #: Set when a renewal found the lease taken over by another run.
        self.lost = False

    @classmethod
    def take(cls, name: str, *, ttl: datetime.timedelta, holder: str = "") -> "Lease":
        """The lease ``name`` for ``ttl``, if it is free or its holder let it expire; ``Busy`` otherwise.

        Never waits: creating the row, or taking over an expired one by a conditional UPDATE, is one
        short statement, and of two runs doing either at once only one succeeds."""
        token = uuid.uuid4().hex
        holder = (holder or f"{socket.gethostname()}, pid {os.getpid()}")[:200]
        while True:
            now = timezone.now()
            values = {"holder": holder, "token": token, "started_at": now, "expires_at": now + ttl}
            try:
                with transaction.atomic():
                    FetchLease.objects.create(name=name, **values)
                return cls(name=name, token=token, ttl=ttl, now=now)
            except IntegrityError:
                pass
            if FetchLease.objects.filter(name=name, expires_at__lte=now).update(**values):
                return cls(name=name, token=token, ttl=ttl, now=now)  # a dead run's, taken over
            held = FetchLease.objects.filter(name=name).first()
            if held is not None:
                raise Busy(held)
            # Released between the two statements: try again.

    def renew(self) -> bool:
        """Push the expiry ``ttl`` on (at most every tenth of ``ttl``); False once another run has it."""
        if self.lost:
            return False
        now = timezone.now()
        if now - self.renewed_at < self.ttl / 10:
            return True
        if FetchLease.objects.filter(name=self.name, token=self.token).update(expires_at=now + self.ttl):
            self.renewed_at = now
        else:
            self.lost = True
        return not self.lost

    def release(self):
        """Give the lease back (nothing happens when another run has taken it over)."""
        FetchLease.objects.filter(name=self.name, token=self.token).delete()


def fetch_ttl(client) -> datetime.timedelta:
    """How long a fetch run's lease lasts between renewals: a margin over ``client``'s longest request."""
    return max(MINIMUM, datetime.timedelta(seconds=MARGIN * client.longest_get()))


@contextlib.contextmanager
def fetch_lease(client):
    """Hold the fetch lease for the block (``Busy`` when another run holds it), then give it back."""
    lease = Lease.take(FETCH, ttl=fetch_ttl(client))
    try:
        yield lease
    finally:
        lease.release()
