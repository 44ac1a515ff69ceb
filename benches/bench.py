#!/usr/bin/env python3
"""Builds the benchmark module three ways and measures it; `python3 x.py bench` runs this.

1. build: benches/module/bench.rs against this workspace (benches/ours) and against
   crates.io PyO3 0.27.1 (benches/pyo3), each in its own Cargo target dir, plus the
   hand-written C floor (benches/c_ext) with `cc`; the three `.so` files are copied to
   benches/target/modules under their import names.
2. wall clock: driver.py times every operation interleaved in one process.
3. build cost: stripped `.so` size and clean release build time, ours and PyO3; the
   incremental rebuild after touching one function of a generated 30-function module,
   and after touching one class of a generated module of 10 classes.
4. callgrind: instructions per call, (run with N calls - run with 0 calls) / N.

Writes benches/RESULTS.md and the table between the bench markers in README.md.
Stdlib only. Not part of `x.py test`: it is slow and its numbers are not pass/fail.
"""
import argparse
import datetime
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import sysconfig
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
TARGET = os.path.join(HERE, "target")
MODULES_DIR = os.path.join(TARGET, "modules")
README = os.path.join(ROOT, "README.md")
RESULTS = os.path.join(HERE, "RESULTS.md")
README_START = "<!-- bench:start (written by `python3 x.py bench`) -->"
README_END = "<!-- bench:end -->"

sys.path.insert(0, HERE)
import driver  # noqa: E402

# The two Rust builds: crate dir under benches/, its Cargo target dir, the module name.
RUST_BUILDS = {"ours": ("ours", "bench_ours"), "pyo3": ("pyo3", "bench_pyo3")}

# Targets on instructions per call. Issue #5: call-like operations must be at most 0.80x
# PyO3; every operation at most 1.10x C (1.5x for the Vec<i64> conversion) and at most
# PyO3's. Issue #8 (item 8): every class operation at most 1.10x C and 0.80x PyO3.
CALL_OPS = {"noargs", "add", "kwargs", "str_len"}
CLASS_OPS = {"construct", "getter", "method", "len", "iter"}
VS_PYO3_TIGHT = CALL_OPS | CLASS_OPS
VS_C_LIMIT = {"sum_list": 1.5}
SIZE_TIME_LIMIT = 0.70

# Operations counted under callgrind, with the calls per run (fewer for the heavy ones).
CALLGRIND_CALLS = {"noargs": 2000, "add": 2000, "kwargs": 2000, "str_len": 2000, "sum_list": 100,
                   "make_dict": 200, "raise": 1000, "bytes": 20, "construct": 2000,
                   "getter": 2000, "method": 2000, "len": 2000, "iter": 200}


def log(msg):
    print(f"[bench] {msg}", flush=True)


def run(cmd, cwd=HERE, env=None, capture=False):
    print("+ " + " ".join(cmd), flush=True)
    result = subprocess.run(cmd, cwd=cwd, env=env, text=True,
                            stdout=subprocess.PIPE if capture else None,
                            stderr=subprocess.PIPE if capture else None)
    if result.returncode != 0:
        if capture:
            sys.stderr.write(result.stdout + result.stderr)
        sys.exit(f"command failed ({result.returncode}): {' '.join(cmd)}")
    return result.stdout


def cargo_env(python, target_dir):
    env = dict(os.environ)
    env["PYO3_PYTHON"] = python
    env["PYO3_BUILD_EXTENSION_MODULE"] = "1"
    env["CARGO_TARGET_DIR"] = target_dir
    for var in ("PYO3_CONFIG_FILE", "RUSTFLAGS", "CARGO_BUILD_RUSTFLAGS"):
        env.pop(var, None)
    return env


def ext_suffix(python):
    return run([python, "-c", "import sysconfig; print(sysconfig.get_config_var('EXT_SUFFIX'))"],
               capture=True).strip()


def cargo_build(python, impl, target_dir, quiet=False):
    crate, lib = RUST_BUILDS[impl]
    cmd = ["cargo", "build", "--release"] + (["--quiet"] if quiet else [])
    run(cmd, cwd=os.path.join(HERE, crate), env=cargo_env(python, target_dir))
    return os.path.join(target_dir, "release", f"lib{lib}.so")


def build_all(python):
    os.makedirs(MODULES_DIR, exist_ok=True)
    suffix = ext_suffix(python)
    built = {}
    for impl, (crate, lib) in RUST_BUILDS.items():
        so = cargo_build(python, impl, os.path.join(TARGET, crate))
        dest = os.path.join(MODULES_DIR, lib + suffix)
        shutil.copyfile(so, dest)
        built[impl] = dest
    include = run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['include'])"],
                  capture=True).strip()
    dest = os.path.join(MODULES_DIR, "bench_c" + suffix)
    run(["cc", "-O2", "-fPIC", "-shared", "-Wall", "-I", include,
         os.path.join(HERE, "c_ext", "bench_c.c"), "-o", dest])
    built["c"] = dest
    return built


def stripped_size(path):
    out = os.path.join(TARGET, os.path.basename(path) + ".stripped")
    run(["strip", "-o", out, path])
    return os.path.getsize(out)


def clean_build_time(python, impl):
    target_dir = os.path.join(TARGET, f"clean-{impl}")
    shutil.rmtree(target_dir, ignore_errors=True)
    start = time.monotonic()
    cargo_build(python, impl, target_dir, quiet=True)
    elapsed = time.monotonic() - start
    shutil.rmtree(target_dir, ignore_errors=True)
    return elapsed


# ---- incremental rebuild: generated modules of 30 functions and of 10 classes ----------

GEN_FUNCTIONS = 30
TOUCHED = 17
GEN_CLASSES = 10
TOUCHED_CLASS = 6


def generated_source(module, touch):
    """30 `#[pyfunction]`s of assorted signatures; `touch` changes one function's body."""
    parts = ["#![allow(missing_docs)]", "use pyo3::prelude::*;", ""]
    for i in range(GEN_FUNCTIONS):
        k = i + 1 + (touch if i == TOUCHED else 0)
        kind = i % 3
        if kind == 0:
            parts.append(f"#[pyfunction]\nfn func{i}(a: i64, b: i64) -> i64 {{\n    a * {k} + b\n}}\n")
        elif kind == 1:
            parts.append(f"#[pyfunction]\nfn func{i}(s: &str, n: usize) -> PyResult<String> {{\n"
                         f"    Ok(format!(\"{{}}{k}\", s.repeat(n)))\n}}\n")
        else:
            parts.append(f"#[pyfunction]\nfn func{i}(v: Vec<i64>) -> (i64, usize) {{\n"
                         f"    (v.iter().sum::<i64>() + {k}, v.len())\n}}\n")
    parts.append(f"#[pymodule]\nfn {module}(m: &Bound<'_, PyModule>) -> PyResult<()> {{")
    parts += [f"    m.add_function(wrap_pyfunction!(func{i}, m)?)?;" for i in range(GEN_FUNCTIONS)]
    parts += ["    Ok(())", "}", ""]
    return "\n".join(parts)


def generated_classes_source(module, touch):
    """10 `#[pyclass]` structs, each with one `#[pymethods]` block: `#[new]` with a default,
    a getter, a setter, two methods and `__len__`; `touch` changes one method's body."""
    parts = ["#![allow(missing_docs)]", "use pyo3::prelude::*;", ""]
    for i in range(GEN_CLASSES):
        k = i + 1 + (touch if i == TOUCHED_CLASS else 0)
        parts.append(f"""#[pyclass]
pub struct Class{i} {{
    value: i64,
    label: String,
}}

#[pymethods]
impl Class{i} {{
    #[new]
    #[pyo3(signature = (value, label = String::new()))]
    fn new(value: i64, label: String) -> Self {{
        Class{i} {{ value, label }}
    }}

    #[getter]
    fn value(&self) -> i64 {{
        self.value
    }}

    #[setter]
    fn set_value(&mut self, value: i64) {{
        self.value = value;
    }}

    fn scaled(&self, factor: i64) -> i64 {{
        self.value.wrapping_mul(factor).wrapping_add({k})
    }}

    fn describe(&self, times: usize) -> PyResult<String> {{
        Ok(format!("{{}}{i}", self.label.repeat(times)))
    }}

    fn __len__(&self) -> usize {{
        self.label.len()
    }}
}}
""")
    parts.append(f"#[pymodule]\nfn {module}(m: &Bound<'_, PyModule>) -> PyResult<()> {{")
    parts += [f"    m.add_class::<Class{i}>()?;" for i in range(GEN_CLASSES)]
    parts += ["    Ok(())", "}", ""]
    return "\n".join(parts)


# kind -> (crate name prefix, source generator); each kind builds in its own directory.
GENERATED = {"functions": ("gen", generated_source), "classes": ("gencls", generated_classes_source)}


def incremental_time(python, impl, kind="functions", rounds=3):
    """Median wall time of `cargo build --release` after `generate` touched one item."""
    prefix, generate = GENERATED[kind]
    crate, _lib = RUST_BUILDS[impl]
    src_crate = os.path.join(HERE, crate)
    gen = os.path.join(TARGET, f"incremental-{kind}", impl)
    os.makedirs(os.path.join(gen, "src"), exist_ok=True)
    with open(os.path.join(src_crate, "Cargo.toml")) as f:
        manifest = f.read()
    # Same dependency line as the benchmark crate, absolute so it resolves from here.
    manifest = manifest.replace('path = "../../crates/pyo3"', f'path = "{os.path.join(ROOT, "crates", "pyo3")}"')
    manifest = re.sub(r'name = "bench_(\w+)"', rf'name = "{prefix}_\1"', manifest)
    with open(os.path.join(gen, "Cargo.toml"), "w") as f:
        f.write(manifest)
    lock = os.path.join(src_crate, "Cargo.lock")
    if os.path.exists(lock):
        shutil.copyfile(lock, os.path.join(gen, "Cargo.lock"))
    lib_rs = os.path.join(gen, "src", "lib.rs")
    module = f"{prefix}_{impl}"
    env = cargo_env(python, os.path.join(TARGET, crate))  # dependencies already built there
    with open(lib_rs, "w") as f:
        f.write(generate(module, 0))
    run(["cargo", "build", "--release", "--quiet"], cwd=gen, env=env)
    times = []
    for touch in range(1, rounds + 1):
        with open(lib_rs, "w") as f:
            f.write(generate(module, touch))
        start = time.monotonic()
        run(["cargo", "build", "--release", "--quiet"], cwd=gen, env=env)
        times.append(time.monotonic() - start)
    return statistics.median(times)


# ---- callgrind ------------------------------------------------------------------------

def callgrind_instructions(python, key, impl, calls):
    out = os.path.join(TARGET, "callgrind", f"{key}-{impl}-{calls}.out")
    os.makedirs(os.path.dirname(out), exist_ok=True)
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = "0"
    cmd = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", python, "-S",
           os.path.join(HERE, "driver.py"), "--modules", MODULES_DIR, "--one", key, impl,
           "--calls", str(calls)]
    result = subprocess.run(cmd, env=env, text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if result.returncode != 0:
        sys.stderr.write(result.stderr[-3000:])
        sys.exit(f"callgrind failed: {' '.join(cmd)}")
    with open(out) as f:
        for line in f:
            if line.startswith(("summary:", "totals:")):
                return int(line.split()[1])
    sys.exit(f"no instruction total in {out}")


def callgrind_all(python):
    available = json.loads(run([python, os.path.join(HERE, "driver.py"), "--modules", MODULES_DIR,
                                "--available"], capture=True))
    counts = {}
    for key, *_ in driver.OPS:
        calls = CALLGRIND_CALLS[key]
        for impl in driver.IMPLS:
            if f"{key}/{impl}" not in available:
                continue
            base = callgrind_instructions(python, key, impl, 0)
            full = callgrind_instructions(python, key, impl, calls)
            counts[f"{key}/{impl}"] = (full - base) / calls
            log(f"callgrind {key:10} {impl:5} {counts[f'{key}/{impl}']:,.0f} instructions/call")
    return counts


# ---- report -------------------------------------------------------------------------

def over(fraction):
    """How far over its limit a ratio is, e.g. 1.104 -> '10%'."""
    pct = (fraction - 1) * 100
    return "<1%" if pct < 1 else f"{pct:.0f}%"


def verdict(key, ours, pyo3, c):
    """The issue's targets for one operation, and pass or by how much each is missed."""
    checks = []
    if c is not None:
        checks.append(("C", ours / c, VS_C_LIMIT.get(key, 1.10)))
    if pyo3 is not None:
        checks.append(("PyO3", ours / pyo3, 0.80 if key in VS_PYO3_TIGHT else 1.00))
    if not checks:
        return "", ""
    target = ", ".join(f"≤{limit:.2f}×{name}" for name, _r, limit in checks)
    misses = [f"{name} +{over(r / limit)}" for name, r, limit in checks if r > limit]
    return target, "miss: " + ", ".join(misses) if misses else "pass"


def callgrind_table(counts):
    lines = ["| operation | ours | PyO3 | C | ours/C | ours/PyO3 | target | |",
             "| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |"]
    for key, label, *_ in driver.OPS:
        o, p, c = (counts.get(f"{key}/{i}") for i in driver.IMPLS)
        if o is None and p is None and c is None:
            continue
        target, ok = verdict(key, o, p, c) if o is not None else ("", "n/a")
        lines.append(f"| {label} | {driver.fmt(o, ',.0f')} | {driver.fmt(p, ',.0f')} | {driver.fmt(c, ',.0f')} "
                     f"| {driver.fmt(driver.ratio(o, c), '.2f')} | {driver.fmt(driver.ratio(o, p), '.2f')} "
                     f"| {target} | {ok} |")
    return "\n".join(lines)


def cost_table(cost):
    def row(label, key, unit, spec, target):
        o, p = cost.get(f"{key}/ours"), cost.get(f"{key}/pyo3")
        r = driver.ratio(o, p)
        ok = "" if not target or r is None else (
            "pass" if r <= SIZE_TIME_LIMIT else f"miss: +{over(r / SIZE_TIME_LIMIT)}")
        return (f"| {label} | {driver.fmt(o, spec)}{unit} | {driver.fmt(p, spec)}{unit} "
                f"| {driver.fmt(r, '.2f')} | {'≤0.70×PyO3' if target else ''} | {ok} |")
    lines = ["| build cost | ours | PyO3 | ours/PyO3 | target | |",
             "| --- | ---: | ---: | ---: | --- | --- |",
             row("stripped `.so` size", "size_kb", " KB", ",.0f", True),
             row("clean release build (with dependencies)", "clean_s", " s", ".1f", True),
             row(f"incremental rebuild, 1 of {GEN_FUNCTIONS} functions touched", "incr_s", " s", ".2f", False),
             row(f"incremental rebuild, 1 of {GEN_CLASSES} classes touched", "incr_cls_s", " s", ".2f", False)]
    if cost.get("size_kb/c") is not None:
        lines.insert(3, f"| (C floor, stripped) | {cost['size_kb/c']:,.0f} KB | | | | |")
    return "\n".join(lines)


def machine():
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    rustc = subprocess.run(["rustc", "--version"], text=True, stdout=subprocess.PIPE).stdout.strip()
    return f"{os.cpu_count()} CPUs (`nproc` {len(os.sched_getaffinity(0))}), {cpu}; {platform.system()} {platform.machine()}; {rustc}"


def report(python, wall, counts, cost, skipped):
    pyver = run([python, "-c", "import sys; print(sys.version.split()[0])"], capture=True).strip()
    today = datetime.date.today().isoformat()
    parts = [
        f"Run on {today}, CPython {pyver}, {machine()}. Ratios from one run on a shared, noisy "
        "machine: read the ratios, not the absolute numbers. `ours` is this workspace, `PyO3` "
        "is crates.io PyO3 0.27.1 built from the same source, `C` is the hand-written floor. "
        "n/a: the operation is not built for that implementation. \"miss: C +10%\" means 10% "
        "over the limit relative to C.",
        "",
        "**Instructions per call** (callgrind, Python loop included; the issue's targets are on "
        "these):",
        "",
        callgrind_table(counts) if counts else f"_not run ({skipped.get('callgrind', 'skipped')})_",
        "",
        "**Wall clock**, median ns per call over interleaved repetitions:",
        "",
        driver.table(wall),
        "",
        "**Build cost** of the benchmark module (release profile, same source):",
        "",
        cost_table(cost) if cost else f"_not run ({skipped.get('cost', 'skipped')})_",
    ]
    return "\n".join(parts) + "\n"


def write_results(body):
    with open(RESULTS, "w") as f:
        f.write("# Benchmark results\n\nWritten by `python3 x.py bench` (benches/bench.py); "
                "see README.md, section Benchmarks.\n\n" + body)
    log(f"wrote {os.path.relpath(RESULTS, ROOT)}")


def update_readme(body):
    with open(README) as f:
        text = f.read()
    start, end = text.find(README_START), text.find(README_END)
    if start < 0 or end < start:
        log("README.md has no bench markers; left unchanged")
        return
    text = text[:start + len(README_START)] + "\n" + body + text[end:]
    with open(README, "w") as f:
        f.write(text)
    log("updated the table in README.md")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--python", default=shutil.which("python3") or sys.executable,
                        help="the interpreter to build for and run (default: python3)")
    parser.add_argument("--reps", type=int, default=9, help="wall-clock repetitions")
    parser.add_argument("--no-callgrind", action="store_true")
    parser.add_argument("--no-build-cost", action="store_true", help="skip sizes and build times")
    parser.add_argument("--no-readme", action="store_true", help="write RESULTS.md only")
    args = parser.parse_args()
    python = os.path.abspath(args.python)

    log("building bench_ours, bench_pyo3, bench_c")
    built = build_all(python)

    log("wall clock")
    wall_json = os.path.join(TARGET, "wall.json")
    run([python, os.path.join(HERE, "driver.py"), "--modules", MODULES_DIR,
         "--reps", str(args.reps), "--json", wall_json])
    with open(wall_json) as f:
        wall = json.load(f)

    skipped = {}
    cost = {}
    if args.no_build_cost:
        skipped["cost"] = "--no-build-cost"
    else:
        for impl in ("ours", "pyo3", "c"):
            cost[f"size_kb/{impl}"] = stripped_size(built[impl]) / 1024
        for impl in RUST_BUILDS:
            log(f"clean release build, {impl}")
            cost[f"clean_s/{impl}"] = clean_build_time(python, impl)
        for impl in RUST_BUILDS:
            log(f"incremental rebuild, {GEN_FUNCTIONS} functions, {impl}")
            cost[f"incr_s/{impl}"] = incremental_time(python, impl, "functions")
        for impl in RUST_BUILDS:
            log(f"incremental rebuild, {GEN_CLASSES} classes, {impl}")
            cost[f"incr_cls_s/{impl}"] = incremental_time(python, impl, "classes")

    counts = {}
    if args.no_callgrind:
        skipped["callgrind"] = "--no-callgrind"
    elif shutil.which("valgrind") is None:
        skipped["callgrind"] = "valgrind not installed"
    else:
        log("callgrind")
        counts = callgrind_all(python)

    body = report(python, wall, counts, cost, skipped)
    print(body)
    write_results(body)
    if not args.no_readme:
        update_readme(body)


if __name__ == "__main__":
    main()
