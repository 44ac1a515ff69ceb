#!/usr/bin/env python3
"""The project's one task runner (stdlib only). Every command is echoed before it runs.

    python3 x.py example            build examples/string_sum with maturin in a fresh venv, call it
    python3 x.py test               everything CI checks (lint, Rust tests, FFI checks, Python tests, memory checkers, examples, ecosystem)
    python3 x.py lint               cargo fmt --check, cargo clippy
    python3 x.py test-rust          unit, integration, UI and doc tests on an embedded interpreter
    python3 x.py test-embedded      the embedded-interpreter tests again, on the oldest and newest pyenv interpreters and 3.13t
    python3 x.py embedding          an embedding program built for every pyenv interpreter and 3.13t, run with no environment set
    python3 x.py ffi-check          struct layout and exported-symbol checks against every pyenv interpreter, 3.13t and PyPy 3.9
    python3 x.py test-py [--python X.Y|3.13t|pypy3.9 ...] [--all] [--abi3]   build pytests/ with maturin and run pytest
    python3 x.py examples           the README's examples, built and run as the README says
    python3 x.py realworld          published PyO3 0.27 extensions from PyPI, switched to ours, run their own tests
    python3 x.py workflows          maturin new/develop/build, pip install . (PEP 517), setuptools-rust, one abi3 wheel on 3.8 and newest
    python3 x.py ecosystem          PyO3 client crates (numpy, pythonize, pyo3-log, ...) from crates.io on ours, their tests
    python3 x.py reference          pytests/ built with crates.io PyO3 0.27.2 instead, same tests (differences deselected)
    python3 x.py memcheck [--full] [--python X.Y]   pytests/ (a CI subset, or all) under valgrind memcheck
    python3 x.py asan               the embedded-interpreter tests built with AddressSanitizer (nightly -Zsanitizer)
    python3 x.py fuzz [--seconds N] [--runs N]   coverage-guided fuzzing on nightly (docs/fuzzing.md; not in test)
    python3 x.py fuzz-replay        the fuzz corpus and crash reproducers replayed on stable (in test)
    python3 x.py fuzz-cmin          minimise the fuzz corpus in place
    python3 x.py bench [-- ARGS]    benches/: ours vs PyO3 0.27.1 vs C; writes benches/RESULTS.md (not in test)
"""
import argparse
import glob
import hashlib
import json
import tarfile
import urllib.request
import os
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.abspath(__file__))
PYENV_VERSIONS = os.path.expanduser("~/.pyenv/versions")
# The packages the Python side needs, installed into each fresh venv.
PY_REQUIREMENTS = ["maturin>=1.9,<2.0", "pytest"]


def run(cmd, cwd=ROOT, env=None, capture=False, show_env=()):
    """Echoes and runs cmd; show_env names variables of env to print before it."""
    shown = " ".join([*(f"{k}={env[k]}" for k in show_env), *cmd])
    where = "" if cwd == ROOT else f"(cd {os.path.relpath(cwd, ROOT)}) "
    print(f"+ {where}{shown}", flush=True)
    result = subprocess.run(cmd, cwd=cwd, env=env, text=True,
                            stdout=subprocess.PIPE if capture else None)
    if result.returncode != 0:
        sys.exit(f"command failed with exit code {result.returncode}: {shown}")
    return result.stdout


def interpreter(version):
    """The pyenv interpreter for 'X.Y', or the default python3 for None."""
    if version is None:
        return shutil.which("python3") or sys.executable
    matches = sorted(glob.glob(os.path.join(PYENV_VERSIONS, f"{version}.*", "bin", f"python{version}")))
    if not matches:
        sys.exit(f"no pyenv interpreter for Python {version} under {PYENV_VERSIONS}")
    return matches[-1]


def pyenv_interpreters():
    """Every pyenv CPython 3.7+ interpreter, oldest first."""
    found = []
    for path in glob.glob(os.path.join(PYENV_VERSIONS, "3.*", "bin", "python3.*")):
        name = os.path.basename(path)
        minor = name[len("python3."):]
        if minor.isdigit() and int(minor) >= 7:
            found.append((int(minor), path))
    return [p for _, p in sorted(set(found))]


def python_version(python):
    return run([python, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"], capture=True).strip()


def fresh_venv(python, name):
    """A new venv at .venv-<name> with maturin and pytest installed."""
    path = os.path.join(ROOT, f".venv-{name}")
    if os.path.exists(path):
        shutil.rmtree(path)
    run([python, "-m", "venv", path])
    vpython = os.path.join(path, "bin", "python")
    run([vpython, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *PY_REQUIREMENTS])
    return path


def venv_env(path):
    env = dict(os.environ)
    env["VIRTUAL_ENV"] = path
    env["PATH"] = os.path.join(path, "bin") + os.pathsep + env.get("PATH", "")
    env.pop("PYO3_PYTHON", None)
    env.pop("CONDA_PREFIX", None)
    return env


def cmd_example(_args):
    path = fresh_venv(interpreter(None), "example")
    env = venv_env(path)
    run(["maturin", "develop", "--release"], cwd=os.path.join(ROOT, "examples", "string_sum"), env=env)
    out = run([os.path.join(path, "bin", "python"), "-c",
               "import string_sum; print(string_sum.sum_as_string(5, 20))"], env=env, capture=True)
    print(out, end="")
    if out.strip() != "25":
        sys.exit(f"expected 25, got {out!r}")


def cmd_lint(_args):
    run(["cargo", "fmt", "--all", "--", "--check"])
    run(["cargo", "clippy", "--workspace", "--all-targets", "--", "-D", "warnings"])


# PyO3's optional-crate features (the `full` feature minus the experimental ones).
INTEGRATIONS = ["anyhow", "arc_lock", "bigdecimal", "bytes", "chrono", "chrono-local", "chrono-tz",
                "either", "eyre", "hashbrown", "indexmap", "jiff-02", "lock_api", "num-bigint",
                "num-complex", "num-rational", "ordered-float", "parking_lot", "py-clone",
                "rust_decimal", "serde", "smallvec", "time", "uuid"]


def cmd_test_rust(_args):
    # Only the library crates: the examples and pytests are cdylibs built by maturin,
    # and `extension-module` must not leak into the embedded test binaries.
    # `auto-initialize` lets the test binaries and doctests start their own interpreter.
    run(["cargo", "test", "-p", "pyo3-build-config", "-p", "pyo3-macros-backend",
         "-p", "pyo3-ffi", "-p", "pyo3", "--features", "pyo3/auto-initialize"])
    # `multiple-pymethods` changes how every class is built: its own test binary and build.
    # `generate-import-lib` rides along: it has no effect off Windows and must be accepted.
    run(["cargo", "test", "-p", "pyo3", "--features",
         "auto-initialize,multiple-pymethods,generate-import-lib", "--test", "multiple_pymethods"])
    # One more build of pyo3 with every feature on (PyO3's `full`): the optional-crate
    # conversions, and the embedded and compile-fail suites with async and inspect.
    run(["cargo", "test", "-p", "pyo3", "--features", ",".join(["auto-initialize", *INTEGRATIONS,
         "experimental-async", "experimental-inspect"]),
         "--test", "integrations", "--test", "embedded", "--test", "ui"])


def cmd_test_embedded(_args):
    # `test-rust` runs on the default interpreter; the version-gated code (3.7's gaps,
    # 3.13's PyMutex, ...) is compiled and run only here. One target dir per version keeps
    # each build incremental instead of rebuilding everything when PYO3_PYTHON changes.
    # The free-threaded 3.13t too, where the tests run in truly parallel threads.
    pythons = pyenv_interpreters()
    for python in dict.fromkeys([pythons[0], pythons[-1], python_313t()]):
        version = interpreter_name(python)
        env = dict(os.environ)
        env["PYO3_PYTHON"] = python
        env["CARGO_TARGET_DIR"] = os.path.join(ROOT, "target", f"embedded-{version}")
        run(["cargo", "test", "-p", "pyo3", "--features", "auto-initialize", "--test", "embedded"],
            env=env, show_env=("PYO3_PYTHON", "CARGO_TARGET_DIR"))


def cmd_embedding(_args):
    """examples/embed_check built for every pyenv interpreter and 3.13t, each run with no
    environment set (no LD_LIBRARY_PATH, PYTHONHOME or PYTHONPATH): it must load exactly that
    interpreter's libpython and pass its start-up, shutdown and threading checks."""
    expected_lines = {
        "lifecycle": ["ok append_to_inittab", "ok with_embedded_python_interpreter"],
        "threads": ["ok initialize", "ok attach from 8 threads", "ok detach",
                    "ok Py<T> dropped unattached, released at the next attach"],
    }
    for python in [*pyenv_interpreters(), python_313t()]:
        version = interpreter_name(python)
        facts = run([python, "-c", "import sys, sysconfig, os; print('%d.%d.%d' % sys.version_info[:3]);"
                     " print(os.path.realpath(sysconfig.get_config_var('LIBDIR')))"], capture=True).split()
        env = dict(os.environ)
        env["PYO3_PYTHON"] = python
        # The target dirs of test-embedded (same pyo3 features): pyo3 is built once per interpreter.
        env["CARGO_TARGET_DIR"] = os.path.join(ROOT, "target", f"embedded-{version}")
        run(["cargo", "build", "-p", "embed_check"], env=env, show_env=("PYO3_PYTHON", "CARGO_TARGET_DIR"))
        exe = os.path.join(env["CARGO_TARGET_DIR"], "debug", "embed_check")
        clean = {k: v for k, v in os.environ.items()
                 if k not in ("LD_LIBRARY_PATH", "PYTHONHOME", "PYTHONPATH", "PYO3_PYTHON")}
        for mode, lines in expected_lines.items():
            out = run([exe, mode], env=clean, capture=True).splitlines()
            report = f"version {facts[0]} lib "
            if out[:-1] != lines or not out[-1].startswith(report):
                sys.exit(f"embed_check {mode} for {version} printed {out!r}")
            lib = os.path.realpath(out[-1][len(report):])
            if os.path.dirname(lib) != facts[1]:
                sys.exit(f"embed_check for {version} loaded {lib}, not the library in {facts[1]}")
        print(f"embedding on {version}: ok ({lib})")


def cmd_ffi_check(_args):
    # The free-threaded 3.13t too (its object header and the Py_GIL_DISABLED declarations),
    # and PyPy (cpyext's layouts and its PyPy-prefixed exports).
    for python in [*pyenv_interpreters(), python_313t(), python_pypy()]:
        version = interpreter_name(python)
        env = dict(os.environ)
        env["PYO3_PYTHON"] = python
        env["CARGO_TARGET_DIR"] = os.path.join(ROOT, "target", f"ffi-check-{version}")
        run(["cargo", "test", "-p", "pyo3-ffi", "--test", "layout", "--test", "symbols"], env=env)


# One cargo target dir for every pytests/ build: the ~20 optional crates it pulls in do not
# depend on the interpreter and are compiled once; only pyo3-ffi, pyo3 and the module itself
# are rebuilt when the interpreter changes (the abi3 build's pyo3 has other features, so its
# artifacts sit next to the version-specific ones instead of replacing them).
PYTESTS_TARGET = os.path.join(ROOT, "target", "pytests")
# The free-threaded CPython 3.13t, built once per machine by this script (cached in ~/.cache).
BUILD_313T = os.path.join(ROOT, ".ci", "build-python313t.sh")


def python_313t():
    """The free-threaded 3.13t interpreter, built from Debian trixie's python3.13 source on first use."""
    out = run(["bash", BUILD_313T], capture=True)
    return out.strip().splitlines()[-1]


# Debian's PyPy 3.9 (7.3.11), installed with apt on first use.
INSTALL_PYPY = os.path.join(ROOT, ".ci", "install-pypy.sh")


def python_pypy():
    """Debian's pypy3 (PyPy 7.3.11, Python 3.9), apt-installed with its headers on first use."""
    out = run(["bash", INSTALL_PYPY], capture=True)
    return out.strip().splitlines()[-1]


def test_python(spec):
    """The interpreter a --python argument names: 'X.Y' (pyenv), '3.13t' or 'pypy3.9'."""
    if spec == "3.13t":
        return python_313t()
    if spec == "pypy3.9":
        return python_pypy()
    return interpreter(spec)


def interpreter_name(python):
    """'3.11', '3.13t' or 'pypy3.9': the interpreter's name in venv folders."""
    return run([python, "-c", "import sys, sysconfig; print(('pypy' if sys.implementation.name == 'pypy'"
                " else '') + '%d.%d' % sys.version_info[:2]"
                " + ('t' if sysconfig.get_config_var('Py_GIL_DISABLED') else ''))"], capture=True).strip()


def run_pytests(path, env):
    pytests = os.path.join(ROOT, "pytests")
    run([os.path.join(path, "bin", "python"), "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"],
        cwd=pytests, env=env)


def cmd_test_py(args):
    specs = args.python or [None]
    if getattr(args, "all", False):
        specs = [python_version(p) for p in pyenv_interpreters()]
    pythons = list(dict.fromkeys(test_python(spec) for spec in specs))
    if getattr(args, "abi3", False):
        test_py_abi3(pythons)
        return
    pytests = os.path.join(ROOT, "pytests")
    for python in pythons:
        name = interpreter_name(python)
        path = fresh_venv(python, f"pytests-{name}")
        env = venv_env(path)
        env["CARGO_TARGET_DIR"] = PYTESTS_TARGET
        run(["maturin", "develop"], cwd=pytests, env=env, show_env=("CARGO_TARGET_DIR",))
        run_pytests(path, env)


def test_py_abi3(pythons):
    """Builds the abi3 wheel ONCE, with the oldest interpreter (3.7's headers; maturin tags it
    cp37-abi3), and installs that same wheel into a fresh venv of every interpreter."""
    pytests = os.path.join(ROOT, "pytests")
    oldest = pyenv_interpreters()[0]
    wheels = os.path.join(ROOT, "target", "wheels-abi3")
    if os.path.exists(wheels):
        shutil.rmtree(wheels)
    env = venv_env(fresh_venv(oldest, "pytests-abi3-build"))
    env["CARGO_TARGET_DIR"] = PYTESTS_TARGET
    run(["maturin", "build", "--features", "abi3", "--interpreter", oldest, "--out", wheels],
        cwd=pytests, env=env, show_env=("CARGO_TARGET_DIR",))
    wheel, = glob.glob(os.path.join(wheels, "*.whl"))
    if "-cp37-abi3-" not in os.path.basename(wheel):
        sys.exit(f"the abi3 wheel is not tagged cp37-abi3: {wheel}")
    for python in pythons:
        name = interpreter_name(python)
        path = os.path.join(ROOT, f".venv-pytests-{name}-abi3")
        if os.path.exists(path):
            shutil.rmtree(path)
        run([python, "-m", "venv", path])
        vpython = os.path.join(path, "bin", "python")
        run([vpython, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "pytest", wheel])
        env = venv_env(path)
        # The symbol check (tests/test_abi3_symbols.py) runs on this wheel, not skipped.
        env["PYO3_PYTESTS_EXPECT_ABI3"] = "1"
        run_pytests(path, env)


def cmd_examples(_args):
    cmd_example(_args)
    # A PyO3 extension switched over with [patch.crates-io], built by an unmodified maturin.
    path = os.path.join(ROOT, ".venv-example")
    env = venv_env(path)
    env["CARGO_TARGET_DIR"] = os.path.join(ROOT, "target", "patched-extension")
    run(["maturin", "develop"], cwd=os.path.join(ROOT, "examples", "patched_extension"), env=env)
    out = run([os.path.join(path, "bin", "python"), "-c",
               "import patched_extension as p; print(p.word_count('a b c'), p.mean([1, 2, 3]), p.tally(['x', 'y', 'x']))"],
              env=env, capture=True)
    print(out, end="")
    if out.strip() != "3 2.0 {'x': 2, 'y': 1}":
        sys.exit(f"patched extension printed {out!r}")
    out = run(["cargo", "run", "-p", "embed"], capture=True)
    print(out, end="")
    expected = run([interpreter(None), "-c", "import sys; print(sys.version)"], capture=True).strip()
    if not out.startswith("Hello ") or not out.rstrip("\n").endswith(f"I'm Python {expected}"):
        sys.exit(f"embed printed {out!r}, expected it to end with the version {expected!r}")


# Published extensions written for PyO3 0.27 that nobody here wrote, each pinned by version and
# the sha256 of its source distribution on PyPI, with the folder of its own tests. Each is
# switched over with the README's [patch.crates-io] block, built by an unmodified maturin, and
# must pass its own test suite. rpds-py is class-heavy (frozen/mapping/sequence classes, rich
# comparison, hashing, pickling, iterators); nh3 is an abi3-py38 build with callbacks.
REALWORLD = [
    ("rpds-py", "0.30.0", "dd8ff7cf90014af0c0f787eea34794ebf6415242ee1d6fa91eaba725cc441e84", "tests"),
    ("nh3", "0.3.2", "f394759a06df8b685a4ebfb1874fb67a9cbfd58c64fc5ed587a663c0e63ec376", "tests"),
]
PATCH_CRATES = ["pyo3", "pyo3-ffi", "pyo3-macros", "pyo3-macros-backend", "pyo3-build-config"]


def fetch_sdist(name, version, sha256, into):
    """Downloads and unpacks `name==version`'s source distribution, checked against `sha256`."""
    # PyPI's simple index (PEP 691, JSON form), which is what pip itself reads.
    index = urllib.request.Request(f"https://pypi.org/simple/{name}/",
                                   headers={"Accept": "application/vnd.pypi.simple.v1+json"})
    with urllib.request.urlopen(index, timeout=60) as response:
        files = json.load(response)["files"]
    url = next((f["url"] for f in files if f.get("hashes", {}).get("sha256") == sha256), None)
    if url is None:
        sys.exit(f"{name} {version}: PyPI lists no file with the pinned sha256 {sha256}")
    archive = os.path.join(into, os.path.basename(url))
    print(f"+ download {url}", flush=True)
    with urllib.request.urlopen(url, timeout=120) as response:
        data = response.read()
    digest = hashlib.sha256(data).hexdigest()
    if digest != sha256:
        sys.exit(f"{name} {version}: sha256 {digest} differs from the pinned {sha256}")
    with open(archive, "wb") as f:
        f.write(data)
    with tarfile.open(archive) as tar:
        top = tar.getnames()[0].split("/")[0]
        tar.extractall(into)
    return os.path.join(into, top)


def cmd_realworld(_args):
    work = os.path.join(ROOT, "target", "realworld")
    if os.path.exists(work):
        shutil.rmtree(work)
    os.makedirs(work)
    for name, version, sha256, tests in REALWORLD:
        source = fetch_sdist(name, version, sha256, work)
        patch = "\n[patch.crates-io]\n" + "".join(
            f'{crate} = {{ path = "{os.path.join(ROOT, "crates", crate)}" }}\n' for crate in PATCH_CRATES)
        manifest = os.path.join(source, "Cargo.toml")
        with open(manifest) as f:
            standalone = "[workspace]" not in f.read()
        with open(manifest, "a") as f:
            # Unpacked under this repository's target/: its own workspace, not ours.
            f.write(patch + ("\n[workspace]\n" if standalone else ""))
        path = fresh_venv(interpreter(None), f"realworld-{name}")
        env = venv_env(path)
        env["CARGO_TARGET_DIR"] = os.path.join(ROOT, "target", f"realworld-{name}")
        run(["maturin", "develop"], cwd=source, env=env)
        run([os.path.join(path, "bin", "python"), "-m", "pytest", "-q", "-p", "no:cacheprovider", tests],
            cwd=source, env=env)


def cmd_reference(_args):
    """The Python suite run on pytests/ built with crates.io PyO3 0.27.2 itself: our tests
    describe PyO3's behaviour, except those marked `differs_from_pyo3` (deselected here)."""
    copy = os.path.join(ROOT, "target", "pyo3-reference")
    if os.path.exists(copy):
        shutil.rmtree(copy)
    shutil.copytree(os.path.join(ROOT, "pytests"), copy,
                    ignore=shutil.ignore_patterns("target", "__pycache__", ".pytest_cache"))
    manifest = os.path.join(copy, "Cargo.toml")
    with open(manifest) as f:
        text = f.read()
    for crate, extra in [("pyo3", ""), ("pyo3-build-config", ', features = ["resolve-config"]')]:
        ours = f'{crate} = {{ path = "../crates/{crate}"{extra} }}'
        if ours not in text:
            sys.exit(f"pytests/Cargo.toml no longer has the line {ours!r}")
        text = text.replace(ours, f'{crate} = {{ version = "=0.27.2"{extra} }}')
    # Its own workspace: crates.io PyO3 never enters this repository's lockfile.
    text = text.replace("[lints]\nworkspace = true\n", "") + "\n[workspace]\n"
    with open(manifest, "w") as f:
        f.write(text)
    path = fresh_venv(interpreter(None), "reference")
    env = venv_env(path)
    env["CARGO_TARGET_DIR"] = os.path.join(ROOT, "target", "pyo3-reference-build")
    run(["maturin", "develop"], cwd=copy, env=env)
    run([os.path.join(path, "bin", "python"), "-m", "pytest", "-q", "-p", "no:cacheprovider",
         "-m", "not differs_from_pyo3", "tests"], cwd=copy, env=env)


# PyO3 client crates from crates.io, each the latest release that depends on PyO3 0.27, pinned by
# version and by the sha256 of its .crate (the checksum of crates.io's index). "cargo-test": the
# crate's own published Rust test suite (tests/, unit tests, doctests), run on an embedded
# interpreter. "extension": the crate publishes no tests; tests/ecosystem/<crate>/ is an extension
# module using its documented API, built by maturin and tested from Python with pytest.
ECOSYSTEM = [
    ("numpy", "0.27.1", "7aac2e6a6e4468ffa092ad43c39b81c79196c2bb773b8db4085f695efe3bba17", "cargo-test"),
    ("pythonize", "0.27.0", "a3a8f29db331e28c332c63496cfcbb822aca3d7320bc08b655d7fd0c29c50ede", "cargo-test"),
    ("serde-pyobject", "0.8.0", "5614e792b7c36d3feeb45b8287ea2dc615f063896e59258d11ef5015c18bdf6a", "cargo-test"),
    ("pyo3-log", "0.13.5", "b91aabf1c0d674a2e3b0b55daab6cef1308ce6f0ad3697ae56f4f68db54c98a1", "extension"),
    ("pyo3-bytes", "0.5.0", "37248130b5b50c06a3bd2ed0a4e763aff9bf3104991c656bc27c303df0889460", "extension"),
    ("pyo3-built", "0.6.0", "4bf83fcee540452241ba030140f50418b973e840a64727c967b9266660f0a690", "extension"),
    ("pyo3-arrow", "0.15.0", "36b9f03cb749b0326951ebb30e39eda2f32b0b9205dce67e947e65779b8faffc", "extension"),
    ("pyo3-async-runtimes", "0.27.0", "57ddb5b570751e93cc6777e81fee8087e59cd53b5043292f2a6d59d5bd80fdfd",
     "cargo-test"),
]
# Extra `cargo test` arguments of a crate: pyo3-async-runtimes' test binaries (tokio and
# async-std, asyncio and uvloop event loops, streams) each require some of its features.
ECOSYSTEM_CARGO_ARGS = {"pyo3-async-runtimes": ["--all-features"]}
# What the crates' tests import from Python: numpy (rust-numpy, pyo3-arrow), pydantic
# (serde-pyobject), pyarrow and arro3-core (pyo3-arrow's interop partners, built with PyO3),
# uvloop (pyo3-async-runtimes' *_uvloop tests).
ECOSYSTEM_PY_REQUIREMENTS = ["numpy", "pydantic", "pyarrow", "arro3-core", "uvloop"]


def patch_block(crates_dir):
    """The README's [patch.crates-io] block, pointing at `crates_dir`."""
    return "\n[patch.crates-io]\n" + "".join(
        f'{crate} = {{ path = "{os.path.join(crates_dir, crate)}" }}\n' for crate in PATCH_CRATES)


def fetch_crates(crates, work):
    """Fetches the pinned crates with cargo and returns {name: unpacked source}; checks each
    .crate's sha256 (cargo also checks it against the index when it downloads)."""
    fetcher = os.path.join(work, "fetch")
    os.makedirs(os.path.join(fetcher, "src"))
    with open(os.path.join(fetcher, "src", "lib.rs"), "w") as f:
        f.write("//! Only here to make cargo fetch the pinned crates.\n")
    with open(os.path.join(fetcher, "Cargo.toml"), "w") as f:
        f.write('[package]\nname = "ecosystem-fetch"\nversion = "0.0.0"\nedition = "2021"\n'
                "\n[dependencies]\n" + "".join(f'{n} = "={v}"\n' for n, v, _, _ in crates)
                + "\n[workspace]\n")
    run(["cargo", "fetch"], cwd=fetcher)
    with open(os.path.join(fetcher, "Cargo.lock")) as f:
        lock = f.read()
    cargo_home = os.environ.get("CARGO_HOME", os.path.expanduser("~/.cargo"))
    sources = {}
    for name, version, sha256, _ in crates:
        entry = f'name = "{name}"\nversion = "{version}"\nsource = "registry+'
        start = lock.find(entry)
        checksum = lock[start:].split("checksum = \"", 1)[1].split("\"", 1)[0] if start >= 0 else None
        if checksum != sha256:
            sys.exit(f"{name} {version}: checksum {checksum} differs from the pinned {sha256}")
        found = glob.glob(os.path.join(cargo_home, "registry", "src", "*", f"{name}-{version}"))
        if not found:
            sys.exit(f"{name} {version}: not unpacked under {cargo_home}/registry/src")
        copy = os.path.join(work, f"{name}-{version}")
        shutil.copytree(found[0], copy)
        sources[name] = copy
    return sources


def count_results(output, kind):
    """(passed, total) from cargo test's "test result:" lines or pytest's summary line.

    For cargo, `output` holds cargo's stderr too, so that it splits into one part per test
    binary ("Running ..." / "Doc-tests ..."). A binary with its own main (`harness = false`,
    as pyo3-async-runtimes' have) prints no "test result:" line: its "test NAME ... ok" lines
    count as passed, and its failure ("error: test failed") as one failed test; one that
    prints neither (a single check reported by its exit status) counts as one passed test."""
    passed = failed = 0
    if kind == "cargo-test":
        in_binary, ok_lines, has_result, binary_failed = False, 0, False, False
        for line in output.splitlines() + ["     Running (end)"]:
            if line.startswith(("     Running ", "   Doc-tests ")):
                if in_binary and not has_result:
                    passed += ok_lines or (0 if binary_failed else 1)
                    failed += 1 if binary_failed else 0
                in_binary, ok_lines, has_result, binary_failed = line != "     Running (end)", 0, False, False
            elif line.startswith("test result:"):
                has_result = True
                fields = line.replace(";", "").split()
                passed += int(fields[fields.index("passed") - 1])
                failed += int(fields[fields.index("failed") - 1])
            elif line.startswith("test ") and line.endswith(" ... ok"):
                ok_lines += 1
            elif line.startswith("error: test failed"):
                binary_failed = True
    else:
        summary = [l for l in output.splitlines() if " in " in l and ("passed" in l or "failed" in l)]
        words = summary[-1].replace(",", "").split() if summary else []
        for i, word in enumerate(words[1:], 1):
            if word in ("passed", "failed", "error", "errors") and words[i - 1].isdigit():
                if word == "passed":
                    passed += int(words[i - 1])
                else:
                    failed += int(words[i - 1])
    return passed, passed + failed


def cmd_ecosystem(_args):
    """Published PyO3 client crates on this implementation: their own tests, or an extension of
    ours using their API where they publish none. One summary line per crate at the end."""
    import time
    started = time.time()
    work = os.path.join(ROOT, "target", "ecosystem")
    if os.path.exists(work):
        shutil.rmtree(work)
    os.makedirs(work)
    path = fresh_venv(interpreter(None), "ecosystem")
    vpython = os.path.join(path, "bin", "python")
    run([vpython, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *ECOSYSTEM_PY_REQUIREMENTS])
    env = venv_env(path)
    # The embedded interpreter of the Rust tests is the venv's: PYO3_PYTHON for the build, and
    # its site-packages on sys.path at run time (an embedded interpreter does not find a venv).
    env["PYO3_PYTHON"] = vpython
    env["PYTHONPATH"] = run([vpython, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                            capture=True).strip()
    sources = fetch_crates([c for c in ECOSYSTEM if c[3] == "cargo-test"], work)
    results = []
    for name, version, sha256, kind in ECOSYSTEM:
        if kind == "cargo-test":
            source = sources[name]
            manifest = os.path.join(source, "Cargo.toml")
            with open(manifest) as f:
                standalone = "[workspace]" not in f.read()
            with open(manifest, "a") as f:
                f.write(patch_block(os.path.join(ROOT, "crates")) + ("\n[workspace]\n" if standalone else ""))
            # The published Cargo.lock pins crates.io's PyO3: switch it to the patch (README).
            run(["cargo", "update", *[a for c in PATCH_CRATES for a in ("-p", c)]], cwd=source, env=env)
            env["CARGO_TARGET_DIR"] = os.path.join(ROOT, "target", "ecosystem-build")
            cmd = ["cargo", "test", "--no-fail-fast", *ECOSYSTEM_CARGO_ARGS.get(name, [])]
            cwd = source
        else:
            cwd = os.path.join(ROOT, "tests", "ecosystem", name)
            env["CARGO_TARGET_DIR"] = os.path.join(ROOT, "target", "ecosystem-ext")
            shown = f"(cd {os.path.relpath(cwd, ROOT)}) maturin develop"
            print(f"+ {shown}", flush=True)
            if subprocess.run(["maturin", "develop"], cwd=cwd, env=env).returncode != 0:
                results.append((name, version, False, 0, 0, 1))
                continue
            with open(os.path.join(cwd, "Cargo.lock")) as f:
                lock = f.read()
            if f'name = "{name}"\nversion = "{version}"' not in lock or sha256 not in lock:
                sys.exit(f"{name}: tests/ecosystem/{name}/Cargo.lock does not pin {version} with sha256 {sha256}")
            cmd = [vpython, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"]
        print(f"+ {'' if cwd == ROOT else f'(cd {os.path.relpath(cwd, ROOT)}) '}{' '.join(cmd)}", flush=True)
        # cargo's stderr joins its stdout, in order, for count_results.
        result = subprocess.run(cmd, cwd=cwd, env=env, text=True, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT if kind == "cargo-test" else None)
        print(result.stdout, end="", flush=True)
        # An extension that got here was built; a crate's tests print "test result:" once built.
        built = kind != "cargo-test" or "test result:" in result.stdout
        passed, total = count_results(result.stdout, kind)
        results.append((name, version, built, passed, total, result.returncode))
    print(f"\necosystem crates on this pyo3 ({time.time() - started:.0f} s):")
    ok = True
    for name, version, built, passed, total, returncode in results:
        print(f"  {name} {version}: {'built' if built else 'NOT BUILT'}, tests {passed}/{total} passed")
        ok = ok and built and total > 0 and passed == total and returncode == 0
    if not ok:
        sys.exit("ecosystem: some crate did not build or failed tests")


WORKFLOWS = os.path.join(ROOT, "target", "workflows")
# One cargo target directory for every workflow (kept between runs): projects whose
# configuration matches (same PyO3 features, interpreter, profile) reuse each other's builds.
WORKFLOWS_TARGET = os.path.join(ROOT, "target", "workflows-cargo")


def workflow_venv(python, name, packages=()):
    """A new venv target/workflows/venv-<name> of `python`, with `packages` pip-installed."""
    path = os.path.join(WORKFLOWS, f"venv-{name}")
    run([python, "-m", "venv", path])
    if packages:
        run([os.path.join(path, "bin", "python"), "-m", "pip", "install", "--quiet",
             "--disable-pip-version-check", *packages])
    env = venv_env(path)
    env["CARGO_TARGET_DIR"] = WORKFLOWS_TARGET
    return path, env


def workflow_project(name):
    """Copies tests/workflows/<name> to target/workflows/<name>, switched over to ours."""
    dest = os.path.join(WORKFLOWS, name)
    shutil.copytree(os.path.join(ROOT, "tests", "workflows", name), dest)
    switch_to_ours(dest)
    return dest


def switch_to_ours(project):
    """Appends the README's [patch.crates-io] block (and, since the project sits inside this
    repository's tree, an empty [workspace] table) to project/Cargo.toml."""
    with open(os.path.join(project, "Cargo.toml"), "a") as f:
        f.write("\n[patch.crates-io]\n")
        for crate in PATCH_CRATES:
            f.write(f'{crate} = {{ path = "{os.path.join(ROOT, "crates", crate)}" }}\n')
        f.write("\n[workspace]\n")


def check_call(path, env, code, expected, cwd=ROOT):
    """Runs `code` with the venv's python and checks what it prints."""
    out = run([os.path.join(path, "bin", "python"), "-c", code], cwd=cwd, env=env, capture=True).strip()
    print(out, flush=True)
    if out != expected:
        sys.exit(f"expected {expected!r}, got {out!r}")


def assert_uses_ours(project):
    """project's Cargo.lock must take pyo3 (and its siblings) from the patch, not a registry."""
    with open(os.path.join(project, "Cargo.lock")) as f:
        packages = f.read().split("[[package]]")
    for crate in PATCH_CRATES:
        entries = [p for p in packages if f'\nname = "{crate}"\n' in p]
        if crate in ("pyo3", "pyo3-ffi") and not entries:
            sys.exit(f"{project}/Cargo.lock has no {crate}")
        if any("\nsource = " in p for p in entries):
            sys.exit(f"{project}/Cargo.lock takes {crate} from a registry, not from the patch")


def wheel_in(folder):
    wheels = glob.glob(os.path.join(folder, "*.whl"))
    if len(wheels) != 1:
        sys.exit(f"expected one wheel in {folder}, found {wheels}")
    return wheels[0]


def workflow_maturin_new(python):
    """`maturin new` template: develop into one venv, build a release wheel, install it into another."""
    tools, env = workflow_venv(python, "maturin-new-develop", PY_REQUIREMENTS[:1])
    project = os.path.join(WORKFLOWS, "maturin_new")
    run(["maturin", "new", "--bindings", "pyo3", project], cwd=WORKFLOWS, env=env)
    manifest = os.path.join(project, "Cargo.toml")
    with open(manifest) as f:
        text = f.read()
    pin = next((line for line in text.splitlines() if line.startswith("pyo3 =")), None)
    if pin is None:
        sys.exit(f"maturin's template has no `pyo3 = ...` line:\n{text}")
    notes = []
    if pin.split("=", 1)[1].strip().strip('"').split(".")[:2] != ["0", "27"]:
        notes.append(f"template pinned `{pin}`, set to pyo3 = \"0.27\"")
        with open(manifest, "w") as f:
            f.write(text.replace(pin, 'pyo3 = "0.27"'))
    switch_to_ours(project)
    call = "import maturin_new; print(maturin_new.sum_as_string(5, 20))"
    run(["maturin", "develop"], cwd=project, env=env, show_env=("CARGO_TARGET_DIR",))
    check_call(tools, env, call, "25")
    assert_uses_ours(project)
    wheels = os.path.join(project, "wheels")
    vpython = os.path.join(tools, "bin", "python")
    run(["maturin", "build", "--release", "--interpreter", vpython, "--out", wheels],
        cwd=project, env=env, show_env=("CARGO_TARGET_DIR",))
    wheel = os.path.basename(wheel_in(wheels))
    ver = python_version(python).replace(".", "")
    machine = run([python, "-c", "import platform; print(platform.machine())"], capture=True).strip()
    tags = wheel[:-len(".whl")].split("-")[-3:]
    platforms = tags[2].split(".")
    if tags[:2] != [f"cp{ver}", f"cp{ver}"] or not all(
            p == f"linux_{machine}" or (p.startswith("manylinux") and p.endswith(f"_{machine}"))
            for p in platforms):
        sys.exit(f"wheel {wheel} is not tagged cp{ver}-cp{ver}-(many)linux_..._{machine}")
    installed, ienv = workflow_venv(python, "maturin-new-wheel", [wheel_in(wheels)])
    check_call(installed, ienv, call, "25")
    return f"develop + release wheel {'-'.join(tags)} installed in a second venv" + (
        f" ({'; '.join(notes)})" if notes else "")


def workflow_pep517(python):
    """`pip install .` with maturin as the PEP 517 backend, in pip's isolated build environment."""
    project = workflow_project("pep517_backend")
    path, env = workflow_venv(python, "pep517")
    run([os.path.join(path, "bin", "python"), "-m", "pip", "install", "--disable-pip-version-check", "-v", "."],
        cwd=project, env=env, show_env=("CARGO_TARGET_DIR",))
    assert_uses_ours(project)
    check_call(path, env, "import pep517_backend as m; print(m.shout(['a', 'b']), m.shout(['x', 'y'], sep='+'))",
               "A-B X+Y")
    check_call(path, env, "import pep517_backend as m\ntry: m.shout('ab')\nexcept TypeError as e: print(e)",
               "argument 'words': Can't extract `str` to `Vec`")
    # maturin lived only in pip's isolated build environment, never in the venv itself.
    check_call(path, env, "import importlib.util; print(importlib.util.find_spec('maturin'))", "None")
    return "pip install . (maturin fetched into pip's isolated build env)"


def workflow_setuptools_rust(python):
    """setuptools-rust's RustExtension(binding=Binding.PyO3): `pip install .`, then build_ext --inplace."""
    project = workflow_project("setuptools_rust")
    call = ("import setuptools_rust_demo as m; print(m.sum_of_squares([1, 2, 3]))\n"
            "try: m.sum_of_squares([2**32])\nexcept OverflowError as e: print(e)")
    expected = "14\nsum of squares overflows i64"
    path, env = workflow_venv(python, "setuptools-rust-pip")
    run([os.path.join(path, "bin", "python"), "-m", "pip", "install", "--disable-pip-version-check", "."],
        cwd=project, env=env, show_env=("CARGO_TARGET_DIR",))
    check_call(path, env, call, expected, cwd=WORKFLOWS)
    assert_uses_ours(project)
    path, env = workflow_venv(python, "setuptools-rust-inplace", ["setuptools", "setuptools-rust", "wheel"])
    run([os.path.join(path, "bin", "python"), "setup.py", "build_ext", "--inplace"],
        cwd=project, env=env, show_env=("CARGO_TARGET_DIR",))
    if not glob.glob(os.path.join(project, "setuptools_rust_demo*.so")):
        sys.exit("build_ext --inplace left no setuptools_rust_demo*.so in the project")
    check_call(path, env, call, expected, cwd=project)
    return "pip install . and setup.py build_ext --inplace"


def workflow_abi3(python):
    """One abi3-py38 wheel built once, installed on pyenv's 3.8 and its newest interpreter."""
    project = workflow_project("abi3_wheel")
    tools, env = workflow_venv(python, "abi3-build", PY_REQUIREMENTS[:1])
    wheels = os.path.join(project, "wheels")
    run(["maturin", "build", "--release", "--out", wheels], cwd=project, env=env, show_env=("CARGO_TARGET_DIR",))
    assert_uses_ours(project)
    wheel = wheel_in(wheels)
    if "-cp38-abi3-" not in os.path.basename(wheel):
        sys.exit(f"the abi3 wheel is not tagged cp38-abi3: {wheel}")
    used = []
    for target in dict.fromkeys([interpreter("3.8"), pyenv_interpreters()[-1]]):
        version = python_version(target)
        path, ienv = workflow_venv(target, f"abi3-{version}", [wheel])
        check_call(path, ienv,
                   "import abi3_wheel as m; c = m.Counter(step=3); c.bump(); c.bump(times=2)\n"
                   "print(m.running_on(), c.value, repr(c), m.Counter().bump())\n"
                   "try: c.value = 1\nexcept AttributeError: print('read-only')",
                   f"{version} 9 Counter(value=9, step=3) 1\nread-only")
        used.append(version)
    return f"{os.path.basename(wheel)} on Python {' and '.join(used)}"


def cmd_workflows(_args):
    """The packaging workflows a PyO3 user follows, end to end on ours, from a clean
    target/workflows/ (the cargo target directory is kept between runs)."""
    import time
    if os.path.exists(WORKFLOWS):
        shutil.rmtree(WORKFLOWS)
    os.makedirs(WORKFLOWS)
    python = interpreter(None)
    results = []
    start = time.monotonic()
    for name, workflow in [("maturin-new", workflow_maturin_new), ("pep517", workflow_pep517),
                           ("setuptools-rust", workflow_setuptools_rust), ("abi3", workflow_abi3)]:
        began = time.monotonic()
        detail = workflow(python)
        results.append(f"workflow {name}: ok in {time.monotonic() - began:.0f}s: {detail}")
    for line in results:
        print(line)
    print(f"workflows: all {len(results)} passed in {time.monotonic() - start:.0f}s")


# Memory checkers (docs/memory-checkers.md). `memcheck` runs these pytests/ files under
# valgrind in CI (classes, conversions, functions, hostile inputs); `memcheck --full` all of them.
MEMCHECK_SUBSET = ["tests/test_classes.py", "tests/test_conversions.py", "tests/test_functions.py",
                   "tests/test_hostile.py"]
# CPython's suppression file comes from the source package .ci/build-python313t.sh builds 3.13t from.
CPYTHON_SOURCE_PACKAGE = "python3.13"
INTERP_CACHE = os.path.expanduser("~/.cache/pyo3-interp")
# valgrind's exit status when it reported errors (pytest's own failures exit 1 to 5).
VALGRIND_ERROR_EXIT = 99


def sudo_prefix():
    return [] if os.geteuid() == 0 else ["sudo"]


def ensure_valgrind():
    if shutil.which("valgrind"):
        return
    run([*sudo_prefix(), "apt-get", "update", "-qq"])
    run([*sudo_prefix(), "env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "-qq", "valgrind"])


def cpython_valgrind_suppressions():
    """CPython's Misc/valgrind-python.supp, taken from Debian trixie's python3.13 source package
    (the orig tarball is python.org's 3.13.x) and cached in ~/.cache/pyo3-interp."""
    cached = glob.glob(os.path.join(INTERP_CACHE, "valgrind-python-*.supp"))
    if cached:
        return cached[0]
    os.makedirs(INTERP_CACHE, exist_ok=True)
    work = os.path.join(INTERP_CACHE, "supp-download")
    if os.path.exists(work):
        shutil.rmtree(work)
    os.makedirs(work)
    # The same deb-src line as .ci/build-python313t.sh.
    sources = "/etc/apt/sources.list.d/trixie-src.list"
    line = "deb-src http://deb.debian.org/debian trixie main"
    if not os.path.exists(sources) or "trixie main" not in open(sources).read():
        print(f"+ echo '{line}' > {sources}", flush=True)
        subprocess.run([*sudo_prefix(), "tee", sources], input=line + "\n", text=True,
                       stdout=subprocess.DEVNULL, check=True)
    run([*sudo_prefix(), "apt-get", "update", "-qq"])
    run(["apt-get", "source", "--download-only", CPYTHON_SOURCE_PACKAGE], cwd=work)
    orig, = glob.glob(os.path.join(work, f"{CPYTHON_SOURCE_PACKAGE}_*.orig.tar.xz"))
    with tarfile.open(orig) as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith("/Misc/valgrind-python.supp"))
        version = member.name.split("/")[0].split("-")[1]
        data = tar.extractfile(member).read()
    path = os.path.join(INTERP_CACHE, f"valgrind-python-{version}.supp")
    with open(path, "wb") as f:
        f.write(data)
    shutil.rmtree(work)
    return path


def valgrind_report(xml_path, ours):
    """Sorts valgrind's XML report into (failures, counts). A failure is any invalid access
    (read, write, free, jump, overlap, syscall parameter), anywhere; an uninitialised-value
    error or a definite leak whose stack passes through our extension (`ours(frame)`).
    The rest, CPython's own, is counted."""
    import collections
    import xml.etree.ElementTree as ET
    failures, counts = [], collections.Counter()
    for error in ET.parse(xml_path).getroot().iter("error"):
        kind = error.findtext("kind")
        frames = error.find("stack").findall("frame")
        in_ours = any(ours(f) for f in frames)
        what = error.findtext("xwhat/text") or error.findtext("what") or kind
        # Only definite leaks are reported (--show-leak-kinds=definite).
        failed = in_ours if kind.startswith(("Leak_", "Uninit")) else True
        counts[(kind, "ours" if in_ours else "CPython")] += 1
        if failed:
            stack = "\n".join(f"    {f.findtext('fn') or '???'} ({f.findtext('file') or f.findtext('obj')}"
                              f"{':' + f.findtext('line') if f.findtext('line') else ''})" for f in frames[:30])
            failures.append(f"{kind}: {what}\n{stack}")
    return failures, counts


def cmd_memcheck(args):
    """pytests/ (debug build, so stacks have file and line) under valgrind memcheck with
    PYTHONMALLOC=malloc and CPython's suppression file; fails on any invalid access and on
    any definite leak or uninitialised-value error in our code."""
    import time
    ensure_valgrind()
    supp = cpython_valgrind_suppressions()
    spec = getattr(args, "memcheck_python", None)
    python = test_python(spec) if spec else interpreter(None)
    name = interpreter_name(python)
    if name.endswith("t"):
        sys.exit(f"memcheck: Python {name} is free-threaded: it allocates with mimalloc only "
                 "(PYTHONMALLOC=malloc is an unknown allocator there), whose arenas valgrind cannot see into")
    path = fresh_venv(python, "memcheck")
    env = venv_env(path)
    env["CARGO_TARGET_DIR"] = PYTESTS_TARGET
    pytests = os.path.join(ROOT, "pytests")
    # maturin develop builds the dev profile: unoptimised, with debug info.
    run(["maturin", "develop"], cwd=pytests, env=env, show_env=("CARGO_TARGET_DIR",))
    report_dir = os.path.join(ROOT, "target", "memcheck")
    os.makedirs(report_dir, exist_ok=True)
    xml_path = os.path.join(report_dir, "valgrind.xml")
    env["PYTHONMALLOC"] = "malloc"
    full = getattr(args, "full", False)
    files = ["tests"] if full else MEMCHECK_SUBSET
    cmd = ["valgrind", "--tool=memcheck", f"--error-exitcode={VALGRIND_ERROR_EXIT}", f"--suppressions={supp}",
           "--leak-check=full", "--show-leak-kinds=definite", "--errors-for-leak-kinds=definite",
           "--error-limit=no", "--num-callers=50", "--xml=yes", f"--xml-file={xml_path}",
           os.path.join(path, "bin", "python"), "-m", "pytest", "-q", "-p", "no:cacheprovider", *files]
    print(f"+ (cd pytests) PYTHONMALLOC=malloc {' '.join(cmd)}", flush=True)
    started = time.monotonic()
    result = subprocess.run(cmd, cwd=pytests, env=env)
    elapsed = time.monotonic() - started
    if result.returncode not in (0, VALGRIND_ERROR_EXIT):
        sys.exit(f"memcheck: pytest failed under valgrind (exit code {result.returncode})")
    extension = "pyo3_pytests"
    failures, counts = valgrind_report(
        xml_path, lambda frame: extension in os.path.basename(frame.findtext("obj") or ""))
    for failure in failures:
        print(failure, flush=True)
    print(f"memcheck on Python {name} "
          f"({'all of tests/' if full else ', '.join(files)}) in {elapsed:.0f} s; "
          f"suppressions: {os.path.basename(supp)}; report: {os.path.relpath(xml_path, ROOT)}")
    for (kind, where), n in sorted(counts.items()):
        print(f"  {n:5} {kind} ({where})")
    print(f"memcheck: {len(failures)} errors in our code or invalid accesses")
    if failures:
        sys.exit("memcheck: valgrind found errors (above)")


# LeakSanitizer's suppressions for the asan run, each entry commented.
LSAN_SUPPRESSIONS = os.path.join(ROOT, ".ci", "lsan.supp")


def asan_toolchain():
    """`cargo` arguments and environment for -Z flags: nightly when rustup has it, else the
    stable toolchain with RUSTC_BOOTSTRAP=1 (its rust-std ships the ASan runtime too)."""
    toolchains = run(["rustup", "toolchain", "list"], capture=True)
    if any(line.startswith("nightly") for line in toolchains.splitlines()):
        return ["cargo", "+nightly"], {}
    return ["cargo"], {"RUSTC_BOOTSTRAP": "1"}


def cmd_asan(_args):
    """The embedded-interpreter tests (and the unit, integrations and multiple-pymethods
    tests) built with AddressSanitizer (LeakSanitizer included), CPython allocating with
    malloc so that Python objects are checked too."""
    cargo, extra = asan_toolchain()
    env = dict(os.environ, **extra)
    env["RUSTFLAGS"] = "-Zsanitizer=address"
    # With --target, build scripts and proc macros are built for the host without RUSTFLAGS.
    env["CARGO_TARGET_DIR"] = os.path.join(ROOT, "target", "asan")
    env["PYTHONMALLOC"] = "malloc"
    env["ASAN_OPTIONS"] = "detect_leaks=1:abort_on_error=0:halt_on_error=1"
    env["LSAN_OPTIONS"] = f"suppressions={LSAN_SUPPRESSIONS}:print_suppressions=1"
    shown = ("RUSTFLAGS", "CARGO_TARGET_DIR", "PYTHONMALLOC", "LSAN_OPTIONS", *extra)
    target = ["--target", "x86_64-unknown-linux-gnu"]
    # pyo3 with every feature on, as test-rust's last build: the unit tests, the embedded
    # tests with async and inspect, and the optional-crate conversions.
    features = ",".join(["auto-initialize", *INTEGRATIONS, "experimental-async", "experimental-inspect"])
    run([*cargo, "test", "-p", "pyo3", "--features", features, *target,
         "--lib", "--test", "embedded", "--test", "integrations"], env=env, show_env=shown)
    # Cheap (one more build of pyo3 and one test): classes whose methods come from several blocks.
    run([*cargo, "test", "-p", "pyo3", "--features", "auto-initialize,multiple-pymethods", *target,
         "--test", "multiple_pymethods"], env=env, show_env=shown)


def memory_checkers_ci(args):
    """The CI-sized memory checks: the memcheck subset and the asan run."""
    args.full = False
    cmd_memcheck(args)
    cmd_asan(args)
FUZZ_DIR = os.path.join(ROOT, "fuzz")
FUZZ_TARGET = "values"


def cmd_fuzz(args):
    # Not part of `test`: coverage-guided fuzzing of argument parsing and the std conversions
    # (docs/fuzzing.md). One process on one core; new interesting inputs go into the corpus,
    # crashes into fuzz/artifacts/values/ (a crash exits non-zero).
    if shutil.which("cargo-fuzz") is None:
        run(["cargo", "install", "cargo-fuzz", "--locked"])
    fuzz = ["cargo", "+nightly", "fuzz"]
    # No sanitizer: libpython is not instrumented, and ASan's leak checks would report the
    # interpreter's own caches; debug assertions stay on.
    options = ["--features", "libfuzzer", "--sanitizer", "none", "--debug-assertions"]
    run([*fuzz, "build", *options, FUZZ_TARGET], cwd=FUZZ_DIR)
    seconds = 60 if args.seconds is None and args.runs is None else args.seconds
    libfuzzer = [f"-max_total_time={seconds}"] if seconds is not None else []
    libfuzzer += [f"-runs={args.runs}"] if args.runs is not None else []
    run([*fuzz, "run", *options, FUZZ_TARGET, os.path.join("corpus", FUZZ_TARGET), "--",
         "-max_len=256", "-print_final_stats=1", *libfuzzer], cwd=FUZZ_DIR)


def cmd_fuzz_cmin(_args):
    # Minimises the corpus in place (run before committing new corpus files). Edge coverage
    # only (no hit counters): a few hundred files instead of thousands, same edges.
    options = ["--features", "libfuzzer", "--sanitizer", "none", "--debug-assertions"]
    run(["cargo", "+nightly", "fuzz", "cmin", *options, FUZZ_TARGET,
         os.path.join("corpus", FUZZ_TARGET), "--", "-use_counters=0"], cwd=FUZZ_DIR)


def cmd_fuzz_replay(_args):
    # Stable toolchain, no libFuzzer: every corpus file and crash reproducer through the same
    # checks (fuzz/tests/replay.rs), plus the harness's own unit tests.
    run(["cargo", "test"], cwd=FUZZ_DIR)
    run(["cargo", "fmt", "--", "--check"], cwd=FUZZ_DIR)
    run(["cargo", "clippy", "--all-targets", "--", "-D", "warnings"], cwd=FUZZ_DIR)


def cmd_bench(args):
    # Not part of `test`: slow (clean builds, callgrind), and its numbers are a report, not pass/fail.
    extra = args.bench_args[1:] if args.bench_args[:1] == ["--"] else args.bench_args
    run([sys.executable, os.path.join(ROOT, "benches", "bench.py"), *extra])


def cmd_test(args):
    cmd_lint(args)
    cmd_test_rust(args)
    cmd_test_embedded(args)
    cmd_embedding(args)
    cmd_ffi_check(args)
    # The whole Python suite, version-specific builds on every pyenv interpreter 3.7 ... 3.13,
    # then the free-threaded 3.13t and PyPy 3.9.
    args.python = [python_version(p) for p in pyenv_interpreters()] + ["3.13t", "pypy3.9"]
    cmd_test_py(args)
    # The stable-ABI wheel (cp37-abi3), built once, tested on every pyenv interpreter.
    args.python, args.abi3 = [python_version(p) for p in pyenv_interpreters()], True
    cmd_test_py(args)
    # valgrind memcheck on part of pytests/, AddressSanitizer on the embedded tests.
    memory_checkers_ci(args)
    cmd_examples(args)
    cmd_workflows(args)
    cmd_realworld(args)
    cmd_ecosystem(args)
    cmd_reference(args)
    cmd_fuzz_replay(args)
    print("all tests passed")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    for name, func in [("example", cmd_example), ("test", cmd_test), ("lint", cmd_lint),
                       ("test-rust", cmd_test_rust), ("test-embedded", cmd_test_embedded),
                       ("ffi-check", cmd_ffi_check), ("embedding", cmd_embedding),
                       ("examples", cmd_examples),
                       ("realworld", cmd_realworld), ("reference", cmd_reference),
                       ("ecosystem", cmd_ecosystem), ("workflows", cmd_workflows), ("asan", cmd_asan),
                       ("fuzz-replay", cmd_fuzz_replay), ("fuzz-cmin", cmd_fuzz_cmin)]:
        sub.add_parser(name).set_defaults(func=func)
    p = sub.add_parser("bench", help="benches/bench.py; extra arguments go to it (--help)")
    p.add_argument("bench_args", nargs=argparse.REMAINDER)
    p.set_defaults(func=cmd_bench)
    p = sub.add_parser("memcheck")
    p.add_argument("--full", action="store_true", help="the whole pytests/ suite, not the CI subset")
    p.add_argument("--python", dest="memcheck_python",
                   help="X.Y of a pyenv interpreter instead of the default python3 (not 3.13t)")
    p.set_defaults(func=cmd_memcheck)
    p = sub.add_parser("fuzz", help="cargo +nightly fuzz run on fuzz/ (docs/fuzzing.md); not in test")
    p.add_argument("--seconds", type=int, help="stop after this many seconds (default 60 when --runs is absent)")
    p.add_argument("--runs", type=int, help="stop after this many inputs instead")
    p.set_defaults(func=cmd_fuzz)
    p = sub.add_parser("test-py")
    p.add_argument("--python", action="append",
                   help="X.Y of a pyenv interpreter, 3.13t (free-threaded, built on first use) "
                        "or pypy3.9 (Debian's, apt-installed on first use); repeatable")
    p.add_argument("--all", action="store_true", help="every pyenv interpreter 3.7+")
    p.add_argument("--abi3", action="store_true",
                   help="build the stable-ABI wheel once with the oldest interpreter, test it on each given one")
    p.set_defaults(func=cmd_test_py)
    args = parser.parse_args()
    args.func(args)


if __name__ == "__main__":
    main()
