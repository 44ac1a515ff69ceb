"""Shared pytest configuration: tests marked `refcounts` read reference counts with
`sys.getrefcount`, which PyPy does not have (its objects are not reference counted), and are
skipped there; their other checks run everywhere."""
import platform

import pytest

IS_PYPY = platform.python_implementation() == "PyPy"


def pytest_collection_modifyitems(config, items):
    skip = pytest.mark.skip(reason="PyPy has no sys.getrefcount: its objects are not reference counted")
    for item in items:
        if IS_PYPY and "refcounts" in item.keywords:
            item.add_marker(skip)
