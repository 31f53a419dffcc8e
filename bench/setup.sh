#!/usr/bin/env bash
# Create bench/work/.venv with the pinned reference tools (NetworkX, igraph, networkit, numpy,
# scipy) and make sure GNU time (/usr/bin/time -v, for peak RSS) is installed.
# Idempotent: a second run only checks versions. networkx 3.7 requires Python >= 3.12; the script
# picks python3.13/3.12 from PATH or pyenv; set PYTHON=/path/to/python3.12+ to choose one.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
venv="$here/work/.venv"
req="$here/requirements.txt"
mkdir -p "$here/work"

if [ ! -x /usr/bin/time ]; then
  echo "setup.sh: installing GNU time (Debian package 'time')"
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq time >/dev/null
  else sudo apt-get update -qq && sudo apt-get install -y -qq time >/dev/null; fi
fi

ok_python() {
  "$1" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' >/dev/null 2>&1
}

find_python() {
  local c
  for c in "${PYTHON:-}" python3.12 python3.13 python3; do
    [ -n "$c" ] || continue
    if command -v "$c" >/dev/null 2>&1 && ok_python "$(command -v "$c")"; then
      command -v "$c"; return 0
    fi
  done
  local root
  root="$(pyenv root 2>/dev/null || echo "$HOME/.pyenv")"
  for c in "$root"/versions/3.12*/bin/python3 "$root"/versions/3.1[3-9]*/bin/python3; do
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

versions_ok() {
  "$venv/bin/python" - "$req" <<'PY' >/dev/null 2>&1
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
}

if ! versions_ok; then
  echo "setup.sh: installing $(grep -v '^#' "$req" | tr '\n' ' ')"
  start=$(date +%s)
  # Prefer wheels; if a package has none for this Python, pip builds it from source (networkit
  # needs cmake and a C++ compiler then, and takes a while on 2 cores).
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --prefer-binary -r "$req"
  echo "setup.sh: install took $(( $(date +%s) - start )) s"
fi
"$venv/bin/python" -c 'import networkx, igraph, networkit, numpy, scipy, sys
print("setup.sh: ready: python", sys.version.split()[0], "networkx", networkx.__version__,
      "igraph", igraph.__version__, "networkit", networkit.__version__,
      "numpy", numpy.__version__, "scipy", scipy.__version__)'
