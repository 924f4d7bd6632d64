"""Malformed HTTP requests at the listener: one WARNING line each, no traceback, at most
`per_minute` a minute, then a count of the rest (issue "Hardening the connection", item 7)."""

from __future__ import annotations

import logging

import pytest
from aiohttp.http_exceptions import BadHttpMessage

from konnekta_desktop.listener.http_log import AIOHTTP_SERVER_LOGGER, MalformedHttpLog


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def aiohttp_logs_a_bad_request(logger: logging.Logger) -> None:
    """What aiohttp's server does for a request it cannot parse."""
    try:
        raise BadHttpMessage("Duplicate 'Content-Type' header found.")
    except BadHttpMessage:
        logger.exception("Error handling request from %s", "127.0.0.1")


@pytest.fixture
def logger() -> logging.Logger:
    return logging.getLogger(AIOHTTP_SERVER_LOGGER + ".test")


def test_a_malformed_request_is_one_warning_line_without_a_traceback(
    logger: logging.Logger, caplog: pytest.LogCaptureFixture
) -> None:
    log_filter = MalformedHttpLog(per_minute=10, clock=Clock())
    logger.addFilter(log_filter)
    try:
        with caplog.at_level(logging.DEBUG, logger=logger.name):
            aiohttp_logs_a_bad_request(logger)
    finally:
        logger.removeFilter(log_filter)
    [record] = caplog.records
    assert record.levelno == logging.WARNING
    assert record.exc_info is None
    assert record.getMessage() == (
        "Refused malformed HTTP from 127.0.0.1 (400): Duplicate 'Content-Type' header found."
    )


def test_a_flood_is_cut_to_the_limit_and_counted_in_the_next_minute(
    logger: logging.Logger, caplog: pytest.LogCaptureFixture
) -> None:
    clock = Clock()
    log_filter = MalformedHttpLog(per_minute=3, clock=clock)
    logger.addFilter(log_filter)
    try:
        with caplog.at_level(logging.DEBUG, logger=logger.name):
            for _ in range(50):
                aiohttp_logs_a_bad_request(logger)
            clock.now = 61.0
            aiohttp_logs_a_bad_request(logger)
    finally:
        logger.removeFilter(log_filter)
    messages = [record.getMessage() for record in caplog.records]
    assert len(messages) == 5
    assert messages[3] == "... and 47 more malformed requests"
    assert all(record.exc_info is None for record in caplog.records)


def test_other_errors_keep_their_traceback(
    logger: logging.Logger, caplog: pytest.LogCaptureFixture
) -> None:
    log_filter = MalformedHttpLog(clock=Clock())
    logger.addFilter(log_filter)
    try:
        with caplog.at_level(logging.DEBUG, logger=logger.name):
            try:
                raise RuntimeError("a bug of ours")
            except RuntimeError:
                logger.exception("Error handling request")
    finally:
        logger.removeFilter(log_filter)
    [record] = caplog.records
    assert record.levelno == logging.ERROR
    assert record.exc_info is not None
