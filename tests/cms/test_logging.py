"""settings.LOGGING: each line is printed once, under DEBUG (``make run``) as in production."""

import logging

import pytest
from django.utils.log import configure_logging


def console_handlers_that_print(logger_name, level):
    """The stream handlers a record of ``logger_name`` at ``level`` reaches and passes, up to the root."""
    record = logging.LogRecord(logger_name, level, __file__, 1, "Not Found: /x/", None, None)
    logger, printing = logging.getLogger(logger_name), []
    while logger:
        for handler in logger.handlers:
            stream = isinstance(handler, logging.StreamHandler)
            if stream and level >= handler.level and handler.filter(record):
                printing.append(handler)
        logger = logger.parent if logger.propagate else None
    return printing


@pytest.mark.parametrize("debug", [True, False])
@pytest.mark.parametrize("logger_name", ["django.request", "django.db.backends.schema", "pages", "registry"])
def test_each_warning_is_printed_once(settings, debug, logger_name):
    settings.DEBUG = debug
    configure_logging(settings.LOGGING_CONFIG, settings.LOGGING)
    assert len(console_handlers_that_print(logger_name, logging.WARNING)) == 1
