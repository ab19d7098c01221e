"""gunicorn for radasite: ``gunicorn -c deploy/gunicorn.conf.py cms.wsgi:application``.

Worker choice, measured with benchmarks/render.py (docs/performance.md): the pages are CPU-bound
Python, and ``gthread`` (2 processes × 4 threads) served no more requests than 2 ``sync`` workers,
cached or not, with a worse tail on some pages. So ``sync`` workers, 2 per core + 1: nginx buffers
slow clients, and the page cache answers most requests in a few milliseconds. ``gthread``
(``GUNICORN_WORKER_CLASS=gthread``, ``GUNICORN_THREADS``) is the choice when requests wait on
something slow outside (an Elasticsearch at its 2 s timeout) more than they compute.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "sync")
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
# A request that takes longer is killed (text extraction runs outside the request: it never should).
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then: bounds any slow leak in a long-running process.
max_requests = 2000
max_requests_jitter = 200
# nginx buffers the request body (client_max_body_size) and the response: no slow client reaches us.
forwarded_allow_ips = "127.0.0.1"
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
