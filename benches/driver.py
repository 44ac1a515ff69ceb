#!/usr/bin/env python3
"""Times the benchmark operations on bench_ours, bench_pyo3 and bench_c in one process.

Stdlib only. The three built modules must be importable from --modules (bench.py puts
them in benches/target/modules). Operations run interleaved: every repetition times each
operation on each implementation in turn, rotating which goes first, and the table shows
the median ns per call (the Python-side loop included, the same for all three).

    python3 driver.py --modules DIR [--reps 9] [--json OUT]
    python3 driver.py --modules DIR --one OP IMPL --calls N   # one loop, for callgrind
"""
import argparse
import importlib
import json
import statistics
import sys
import timeit

IMPLS = ["ours", "pyo3", "c"]
MODULES = {"ours": "bench_ours", "pyo3": "bench_pyo3", "c": "bench_c"}

# (key, label, attribute the module must have, setup run with `m` bound, statement timed).
# An implementation lacking the attribute shows "n/a" for that operation.
OPS = [
    ("noargs", "no-arg call `noargs()`", "noargs", "f = m.noargs", "f()"),
    ("add", "two ints `add(1, 2)`", "add", "f = m.add", "f(1, 2)"),
    ("kwargs", "keywords `kwargs(1, c=5)`", "kwargs", "f = m.kwargs", "f(1, c=5)"),
    ("str_len", "`str_len(s)`, 44 chars", "str_len", "f = m.str_len; s = 'hello world ' * 4", "f(s)"),
    ("sum_list", "`Vec<i64>` from 1000 ints", "sum_list", "f = m.sum_list; v = list(range(1000))", "f(v)"),
    ("make_dict", "dict of 100 built", "make_dict", "f = m.make_dict", "f()"),
    ("raise", "ValueError raised, caught", "raise_value_error", "f = m.raise_value_error",
     "try:\n    f()\nexcept ValueError:\n    pass"),
    ("bytes", "1 MB bytes round trip", "bytes_roundtrip", "f = m.bytes_roundtrip; b = bytes(1 << 20)", "f(b)"),
    ("construct", "class: `Counter(5)`", "Counter", "C = m.Counter", "C(5)"),
    ("getter", "class: getter `c.value`", "Counter", "c = m.Counter(5)", "c.value"),
    ("method", "class: `&mut self` `c.incr()`", "Counter", "c = m.Counter(5)", "c.incr()"),
    ("len", "class: `len(c)`", "Counter", "c = m.Counter(5)", "len(c)"),
    ("iter", "class: `sum(Range(100))`", "Range", "R = m.Range", "sum(R(100))"),
]
OP_BY_KEY = {op[0]: op for op in OPS}


def load(modules_dir):
    sys.path.insert(0, modules_dir)
    return {impl: importlib.import_module(name) for impl, name in MODULES.items()}


def namespace(module, setup):
    ns = {"m": module}
    exec(setup, ns)
    return ns


def check_same_results(mods):
    """The three implementations must compute the same thing, or the timing means nothing."""
    for key, _label, attr, setup, stmt in OPS:
        if key == "raise" or stmt.startswith("try"):
            continue
        results = {}
        for impl, module in mods.items():
            if hasattr(module, attr):
                results[impl] = eval(stmt, namespace(module, setup))
                if key in ("construct",):
                    results[impl] = len(results[impl])
        values = list(results.values())
        if any(v != values[0] for v in values[1:]):
            sys.exit(f"{key}: implementations disagree: {results}")
    for impl, module in mods.items():
        try:
            module.raise_value_error()
        except ValueError as e:
            if str(e) != "bad value":
                sys.exit(f"{impl}: raise_value_error message {e!r}")
        else:
            sys.exit(f"{impl}: raise_value_error did not raise")


def time_all(mods, reps, sample_seconds):
    timers = {}
    for key, _label, attr, setup, stmt in OPS:
        for impl, module in mods.items():
            if hasattr(module, attr):
                timers[(key, impl)] = timeit.Timer(stmt, globals=namespace(module, setup))
    # Calls per sample, calibrated once per operation on the first implementation present.
    number = {}
    for key, *_ in OPS:
        present = [t for (k, _i), t in timers.items() if k == key]
        if present:
            n, t = present[0].autorange()
            number[key] = max(1, int(n * sample_seconds / max(t, 1e-9)))
    samples = {k: [] for k in timers}
    for rep in range(reps):
        order = IMPLS[rep % 3:] + IMPLS[:rep % 3]
        for key, *_ in OPS:
            for impl in order:
                timer = timers.get((key, impl))
                if timer is not None:
                    samples[(key, impl)].append(timer.timeit(number[key]) / number[key] * 1e9)
    return {f"{k}/{i}": statistics.median(v) for (k, i), v in samples.items()}


def ratio(a, b):
    return None if a is None or b is None else a / b


def fmt(value, spec):
    return "n/a" if value is None else format(value, spec)


def table(medians):
    lines = ["| operation | ours ns | PyO3 ns | C ns | ours/C | ours/PyO3 |",
             "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for key, label, *_ in OPS:
        o, p, c = (medians.get(f"{key}/{i}") for i in IMPLS)
        if o is None and p is None and c is None:
            continue
        lines.append(f"| {label} | {fmt(o, ',.0f')} | {fmt(p, ',.0f')} | {fmt(c, ',.0f')} "
                     f"| {fmt(ratio(o, c), '.2f')} | {fmt(ratio(o, p), '.2f')} |")
    return "\n".join(lines)


def run_one(mods, key, impl, calls):
    """`calls` calls of one operation in a plain loop: what callgrind counts."""
    _k, _label, _attr, setup, stmt = OP_BY_KEY[key]
    ns = namespace(mods[impl], setup)
    body = "\n".join("        " + line for line in stmt.splitlines())
    code = f"def loop(n):\n    for _ in range(n):\n{body}\n"
    exec(code, ns)
    ns["loop"](calls)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--modules", required=True)
    parser.add_argument("--reps", type=int, default=9)
    parser.add_argument("--sample-seconds", type=float, default=0.02)
    parser.add_argument("--json")
    parser.add_argument("--one", nargs=2, metavar=("OP", "IMPL"))
    parser.add_argument("--calls", type=int, default=0)
    parser.add_argument("--available", action="store_true", help="print the OP/IMPL pairs built, as JSON")
    args = parser.parse_args()
    if args.available:
        mods = load(args.modules)
        print(json.dumps([f"{k}/{i}" for k, _l, attr, *_ in OPS for i in IMPLS if hasattr(mods[i], attr)]))
        return
    if args.one:
        key, impl = args.one
        sys.path.insert(0, args.modules)
        run_one({impl: importlib.import_module(MODULES[impl])}, key, impl, args.calls)
        return
    mods = load(args.modules)
    check_same_results(mods)
    medians = time_all(mods, args.reps, args.sample_seconds)
    print(table(medians))
    if args.json:
        with open(args.json, "w") as f:
            json.dump(medians, f, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
