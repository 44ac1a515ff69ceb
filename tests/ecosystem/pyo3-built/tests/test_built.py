"""pyo3-built's `__build__` dict of the `built` crate's build information."""
import datetime
import platform

import eco_built


def test_default_sections():
    info = eco_built.__build__
    assert sorted(info) == ["build", "dependencies", "features", "host", "info-time", "target"]


def test_build_section():
    build = eco_built.__build__["build"]
    assert sorted(build) == ["debug", "jobs", "opt-level", "rustc", "rustc-version"]
    assert build["rustc-version"].startswith("rustc 1.")
    assert isinstance(build["debug"], bool) and build["debug"] is True  # maturin develop
    assert build["opt-level"] == "0"
    assert isinstance(build["jobs"], int) and build["jobs"] >= 1


def test_time_is_an_aware_datetime():
    built_at = eco_built.__build__["info-time"]
    assert isinstance(built_at, datetime.datetime)
    assert built_at.utcoffset() == datetime.timedelta(0)
    now = datetime.datetime.now(datetime.timezone.utc)
    assert datetime.timedelta(0) <= now - built_at < datetime.timedelta(days=1)


def test_dependencies_name_this_pyo3():
    deps = eco_built.__build__["dependencies"]
    assert deps["pyo3"] == "0.27.2"
    assert deps["pyo3-built"] == "0.6.0"
    assert deps["eco_built"] == "0.1.0"
    assert all(isinstance(k, str) and isinstance(v, str) for k, v in deps.items())


def test_features_host_target():
    info = eco_built.__build__
    assert info["features"] == ["default", "shiny"]
    assert info["host"]["triple"].startswith(platform.machine())
    target = info["target"]
    assert target["os"] == "linux" and target["family"] == "unix"
    assert target["arch"] == platform.machine()
    assert target["pointer-width"] == "64" and target["endianness"] == "little"
    assert target["profile"] == "debug"


def test_custom_sections():
    assert sorted(eco_built.__build_host__) == ["features", "host"]
    assert eco_built.__build_host__["host"] == eco_built.__build__["host"]
