#!/usr/bin/env bash
# Installs Debian's PyPy 3.9 (7.3.11: pypy3, its headers and venv module) with apt when it
# is missing, and prints the interpreter's path on its last line of output.
set -euo pipefail
if ! command -v pypy3 >/dev/null || ! [ -f /usr/include/pypy3.9/Python.h ] \
    || ! pypy3 -c 'import venv, ensurepip' 2>/dev/null; then
    sudo=""
    if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
    $sudo apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        pypy3 pypy3-dev pypy3-venv >/dev/null
fi
pypy3 -c 'import sys; assert sys.implementation.name == "pypy" and sys.version_info[:2] == (3, 9)'
command -v pypy3
