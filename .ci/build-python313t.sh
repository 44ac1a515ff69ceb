#!/usr/bin/env bash
# Builds the free-threaded CPython 3.13t once per machine, from Debian trixie's source
# package of python3.13 (whose orig tarball is python.org's 3.13.5), and caches it outside
# the repository. Prints the interpreter's path on its last line of output.
#
#   PYTHON313T_PREFIX   where to install (default ~/.cache/pyo3-interp/python3.13t)
set -euo pipefail
prefix="${PYTHON313T_PREFIX:-$HOME/.cache/pyo3-interp/python3.13t}"
python="$prefix/bin/python3.13t"
if [ -x "$python" ] && "$python" -c 'import sys; assert not sys._is_gil_enabled()' 2>/dev/null; then
    echo "$python"
    exit 0
fi
work="$(dirname "$prefix")/build-3.13t"
rm -rf "$work"
mkdir -p "$work"
cd "$work"

sudo=""
if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
list=/etc/apt/sources.list.d/trixie-src.list
if ! grep -qs "trixie main" "$list"; then
    echo "deb-src http://deb.debian.org/debian trixie main" | $sudo tee "$list" >/dev/null
fi
$sudo apt-get update -qq
# The build needs a C toolchain and the headers of the extension modules the tests import.
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    dpkg-dev build-essential libffi-dev zlib1g-dev libssl-dev libbz2-dev liblzma-dev \
    libsqlite3-dev libreadline-dev >/dev/null
apt-get source --download-only python3.13
orig="$(ls python3.13_*.orig.tar.xz | head -n 1)"
tar xf "$orig"
src="$(find . -maxdepth 1 -type d -name 'Python-3.13*' | head -n 1)"
cd "$src"
./configure --disable-gil --enable-shared --prefix="$prefix" LDFLAGS="-Wl,-rpath,$prefix/lib" >/dev/null
make -j2 >/dev/null
make install >/dev/null
cd /
rm -rf "$work"
"$python" -c 'import sys; assert not sys._is_gil_enabled(), "built with the GIL"'
echo "$python"
