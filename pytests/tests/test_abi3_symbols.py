"""The abi3 build imports only CPython's stable ABI, as of the oldest version it targets (3.7).

The undefined dynamic symbols of the built `.abi3.so` are read from its ELF `.dynsym` table
(parsed here with the standard library, no binutils needed), and every `Py*`/`_Py*` name
among them is looked up in `stable_abi.txt`, CPython's own list of the stable ABI (see its
header for where it comes from). A symbol added after 3.7 would make the cp37-abi3 wheel fail
to import on 3.7, and one outside the list ties the wheel to a CPython release.
"""
import os
import struct
import sys

import pytest

import pyo3_pytests

# The oldest version the abi3 build supports (the `abi3-py37` feature).
ABI3_MINIMUM = (3, 7)

# Deliberate reaches past the limited API: symbol -> why it is needed and why it is safe.
DELIBERATE = {
    # crates/pyo3/src/attach.rs: "is this thread attached?" is asked of the interpreter, which
    # tracks it anyway, instead of keeping a second per-thread count in every call from
    # Python. Missing from the limited-API headers only: every CPython since 3.4 (3.13t
    # included) exports it with the same signature, and the import test on 3.7 ... 3.13
    # confirms the cp37-abi3 wheel resolves it everywhere.
    "PyGILState_Check": "attach.rs asks the interpreter whether this thread is attached",
}



def extension_file():
    """The compiled module's file: maturin installs it inside a package of the same name."""
    path = pyo3_pytests.__file__
    if path.endswith(".py"):
        folder = os.path.dirname(path)
        found = [f for f in os.listdir(folder) if f.startswith("pyo3_pytests.") and f.endswith(".so")]
        assert len(found) == 1, found
        path = os.path.join(folder, found[0])
    return path


MODULE = extension_file()
IS_ABI3 = MODULE.endswith(".abi3.so")

pytestmark = pytest.mark.skipif(
    not IS_ABI3 and not os.environ.get("PYO3_PYTESTS_EXPECT_ABI3"),
    reason="version-specific build: the stable-ABI check applies to the abi3 build only",
)


def stable_abi():
    """{name: (kind, added, flags)} from stable_abi.txt."""
    entries = {}
    with open(os.path.join(os.path.dirname(__file__), "stable_abi.txt")) as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            name, kind, added, flags = line.split()
            entries[name] = (kind, tuple(int(p) for p in added.split(".")), flags)
    return entries


def undefined_dynamic_symbols(path):
    """The names of the undefined symbols in an ELF64 little-endian shared object's .dynsym."""
    with open(path, "rb") as f:
        data = f.read()
    assert data[:4] == b"\x7fELF", "not an ELF file"
    assert data[4] == 2 and data[5] == 1, "expected ELF64 little-endian"
    shoff, = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
    sections = []
    for i in range(shnum):
        # sh_name, sh_type, sh_flags, sh_addr, sh_offset, sh_size, sh_link, sh_info, sh_addralign, sh_entsize
        sections.append(struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize))
    SHT_DYNSYM = 11
    dynsym = [s for s in sections if s[1] == SHT_DYNSYM]
    assert len(dynsym) == 1, "expected one .dynsym section"
    _, _, _, _, offset, size, link, _, _, entsize = dynsym[0]
    strtab_offset = sections[link][4]
    names = []
    for pos in range(offset + entsize, offset + size, entsize):  # entry 0 is the null symbol
        st_name, _st_info, _st_other, st_shndx = struct.unpack_from("<IBBH", data, pos)
        if st_shndx != 0:  # SHN_UNDEF: imported, not defined here
            continue
        end = data.index(b"\0", strtab_offset + st_name)
        names.append(data[strtab_offset + st_name:end].decode())
    return names


def python_symbols():
    return sorted(n for n in undefined_dynamic_symbols(MODULE) if n.startswith(("Py", "_Py")))


def test_module_is_the_abi3_build():
    assert IS_ABI3, f"expected an .abi3.so, got {MODULE}"


def test_imports_only_the_stable_abi_of_3_7():
    abi = stable_abi()
    symbols = python_symbols()
    # Sanity: the parser found the module's imports (every extension needs these).
    assert "PyModule_Create2" in symbols or "PyModuleDef_Init" in symbols
    assert "PyErr_SetString" in symbols or "PyErr_SetObject" in symbols
    outside, too_new, windows_only = [], [], []
    for name in symbols:
        if name in DELIBERATE:
            continue
        if name not in abi:
            outside.append(name)
            continue
        _kind, added, flags = abi[name]
        if added > ABI3_MINIMUM:
            too_new.append(f"{name} (added in {'.'.join(map(str, added))})")
        if "ifdef=MS_WINDOWS" in flags:
            windows_only.append(name)
    assert outside == [], f"not in the stable ABI: {outside}"
    assert too_new == [], f"newer than the abi3 minimum 3.7: {too_new}"
    assert windows_only == []


def test_deliberate_exceptions_are_used():
    # A stale entry would hide a future reach past the limited API under an old reason.
    unused = sorted(set(DELIBERATE) - set(python_symbols()))
    assert unused == []


def test_stable_abi_list_is_cpythons():
    abi = stable_abi()
    # Spot checks against CPython's documented stable ABI.
    assert abi["PyType_FromSpec"][:2] == ("function", (3, 2))
    assert abi["PyType_FromSpecWithBases"][:2] == ("function", (3, 3))
    assert abi["PyModule_FromDefAndSpec2"][:2] == ("function", (3, 7))
    assert abi["PyType_GetModule"][:2] == ("function", (3, 10))
    assert abi["Py_IncRef"][:2] == ("function", (3, 2))
    assert abi["_Py_NoneStruct"][:2] == ("data", (3, 2))
    assert abi["PyExc_TypeError"][:2] == ("data", (3, 2))
    assert "PyUnicode_AsUTF8" not in abi  # the non-limited API
    assert len(abi) > 800


def test_running_interpreter_exports_what_the_module_imports():
    # The module imported, so the dynamic linker resolved every symbol: a cross-check that the
    # parser reads the same table the loader does.
    import ctypes

    lib = ctypes.pythonapi
    missing = [n for n in python_symbols() if not hasattr(lib, n)]
    assert missing == []
    assert sys.version_info >= ABI3_MINIMUM
