"""gunicorn for radasite: ``gunicorn -c deploy/gunicorn.conf.py cms.wsgi:application``.

Worker choice (benchmarks/render.py, docs/performance.md): ``gthread`` with a few threads per process
keeps serving cache hits while a slow page or a slow client holds a thread, with the memory of
fewer processes; the pages themselves are CPU-bound Python, so threads do not make an uncached page
faster. Two processes per core is the starting point; set ``GUNICORN_WORKERS``/``GUNICORN_THREADS``.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2))
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "gthread")
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
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
