"""Rust `log` records in Python's logging through pyo3-log: levels, logger names, caching."""
import logging

import pytest

import eco_log


class Collect(logging.Handler):
    def __init__(self):
        super().__init__(level=1)
        self.records = []

    def emit(self, record):
        self.records.append(record)


@pytest.fixture
def collect():
    """A handler on the root logger catching everything; the cache is reset around each test."""
    handler = Collect()
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(1)
    eco_log.reset_cache()
    yield handler.records
    root.removeHandler(handler)
    root.setLevel(old_level)
    eco_log.reset_cache()


@pytest.mark.parametrize("level, number, name", [
    ("error", 40, "ERROR"), ("warn", 30, "WARNING"), ("info", 20, "INFO"),
    ("debug", 10, "DEBUG"), ("trace", 5, "Level 5"),
])
def test_levels(collect, level, number, name):
    eco_log.emit(level, "eco_log::levels", f"a {level} record")
    [record] = collect
    assert record.levelno == number
    assert record.levelname == name
    assert record.getMessage() == f"a {level} record"


def test_target_becomes_dotted_logger_name(collect):
    eco_log.emit("info", "eco_log::sub::module", "hello")
    eco_log.emit("info", "plain", "world")
    assert [(r.name, r.getMessage()) for r in collect] == [
        ("eco_log.sub.module", "hello"), ("plain", "world")]
    # The source location is the Rust file that logged.
    assert collect[0].pathname.endswith("lib.rs")
    assert collect[0].lineno > 0


def test_python_logger_level_filters(collect):
    logging.getLogger("eco_log.filtered").setLevel(logging.ERROR)
    try:
        eco_log.emit("warn", "eco_log::filtered", "dropped")
        eco_log.emit("error", "eco_log::filtered", "kept")
        eco_log.emit("warn", "eco_log::filtered::child", "dropped too")
    finally:
        logging.getLogger("eco_log.filtered").setLevel(logging.NOTSET)
    assert [r.getMessage() for r in collect] == ["kept"]


def test_rust_side_target_filter(collect):
    # `filter_target("eco_log::quiet", Warn)` on the Rust side, whatever Python allows.
    eco_log.emit("info", "eco_log::quiet", "dropped")
    eco_log.emit("warn", "eco_log::quiet", "kept")
    assert [r.getMessage() for r in collect] == ["kept"]
    assert not eco_log.enabled("info", "eco_log::quiet")
    assert eco_log.enabled("trace", "eco_log::loud")


def test_cached_levels_until_reset(collect):
    logger = logging.getLogger("eco_log.cached")
    logger.setLevel(logging.WARNING)
    try:
        eco_log.emit("warn", "eco_log::cached", "first")  # caches the logger and its WARNING level
        assert not eco_log.enabled("info", "eco_log::cached")
        logger.setLevel(logging.DEBUG)
        eco_log.emit("info", "eco_log::cached", "hidden by the cached level")
        eco_log.reset_cache()
        assert eco_log.enabled("info", "eco_log::cached")
        eco_log.emit("info", "eco_log::cached", "after reset")
    finally:
        logger.setLevel(logging.NOTSET)
    assert [r.getMessage() for r in collect] == ["first", "after reset"]


def test_record_from_another_thread(collect):
    eco_log.emit_from_thread("eco_log::thread", "from a Rust thread")
    [record] = collect
    assert (record.name, record.levelno, record.getMessage()) == (
        "eco_log.thread", logging.WARNING, "from a Rust thread")


def test_handler_exception_keeps_python_running(collect, capsys):
    class Failing(logging.Handler):
        def emit(self, record):
            try:
                raise RuntimeError("handler failed")
            except RuntimeError:
                self.handleError(record)

    logger = logging.getLogger("eco_log.failing")
    failing = Failing()
    logger.addHandler(failing)
    logger.propagate = False
    try:
        # Handler.handleError reports the failure on stderr; nothing is raised into Python.
        eco_log.emit("error", "eco_log::failing", "boom")
    finally:
        logger.removeHandler(failing)
        logger.propagate = True
    err = capsys.readouterr().err
    assert "RuntimeError: handler failed" in err
    assert "Message: 'boom'" in err
    eco_log.emit("info", "eco_log::after", "still logging")
    assert [r.getMessage() for r in collect] == ["still logging"]


def test_bad_level_is_value_error():
    with pytest.raises(ValueError, match='unknown level "loud"'):
        eco_log.emit("loud", "x", "y")
