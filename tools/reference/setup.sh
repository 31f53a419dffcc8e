#!/usr/bin/env bash
# Create tools/reference/.venv with the pinned reference toolchain (networkx 3.7, numpy, scipy).
# Idempotent: re-running only installs what is missing. networkx 3.7 requires Python >= 3.12;
# set PYTHON=/path/to/python3.12+ to choose the interpreter explicitly.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
venv="$here/.venv"

ok_python() {
  "$1" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' >/dev/null 2>&1
}

find_python() {
  local c
  for c in "${PYTHON:-}" python3.13 python3.12 python3; do
    [ -n "$c" ] || continue
    if command -v "$c" >/dev/null 2>&1 && ok_python "$c"; then
      command -v "$c"; return 0
    fi
  done
  # pyenv installs that are not on the active version path
  local root
  root="$(pyenv root 2>/dev/null || echo "$HOME/.pyenv")"
  for c in "$root"/versions/3.1[2-9]*/bin/python3; do
    if [ -x "$c" ] && ok_python "$c"; then echo "$c"; return 0; fi
  done
  return 1
}

if [ ! -x "$venv/bin/python" ] || ! ok_python "$venv/bin/python"; then
  py="$(find_python)" || { echo "setup.sh: need Python >= 3.12 for networkx 3.7 (set PYTHON=...)" >&2; exit 1; }
  echo "setup.sh: creating $venv with $py ($("$py" --version 2>&1))"
  rm -rf "$venv"
  "$py" -m venv "$venv"
fi

if ! "$venv/bin/python" - "$here/requirements.txt" <<'PY' >/dev/null 2>&1
import sys
from importlib.metadata import version
for line in open(sys.argv[1]):
    line = line.split('#')[0].strip()
    if not line:
        continue
    name, want = line.split('==')
    if version(name) != want:
        sys.exit(1)
PY
then
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$here/requirements.txt"
fi
echo "setup.sh: ready: $("$venv/bin/python" -c 'import networkx, numpy, scipy; print("networkx", networkx.__version__, "numpy", numpy.__version__, "scipy", scipy.__version__)')"
