#!/usr/bin/env bash
# Installs what Redaksi needs on Debian/Ubuntu: system libraries for Qt and a virtual
# environment in .venv with the app and its development tools. With --for-tests (as
# scripts/test.sh runs it) also what the test suite checks against: a PostgreSQL server,
# the packaging tools, and Java with the Nu Html Checker. Safe to run again: it only
# installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
FOR_TESTS=0
[ "${1:-}" = "--for-tests" ] && FOR_TESTS=1

SYSTEM_PACKAGES=(
  python3 python3-venv python3-pip
  libgl1 libegl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 libglib2.0-0
  libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0
  libxcb-keysyms1 libxcb-render-util0 libxcb-shape0 xvfb xauth
)
TEST_PACKAGES=(
  postgresql poppler-utils
  desktop-file-utils  # the packaging tests validate the .deb's desktop entry
  debootstrap  # the packaging tests install the .deb into bare roots of each release
)

# The Nu Html Checker (vnu.jar, below) runs on Java 17 or newer, from the npm registry.
java_ok() {
  command -v java >/dev/null \
    && java -version 2>&1 | grep -Eq 'version "(1[7-9]|[2-9][0-9])'
}
if [ "$FOR_TESTS" = 1 ]; then
  SYSTEM_PACKAGES+=("${TEST_PACKAGES[@]}")
  java_ok || SYSTEM_PACKAGES+=(default-jre-headless)
  command -v npm >/dev/null || SYSTEM_PACKAGES+=(nodejs npm)
fi

missing=()
for package in "${SYSTEM_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing system packages: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Ubuntu 22.04's default Java is 11: the checker needs 17.
if [ "$FOR_TESTS" = 1 ] && ! java_ok; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
    openjdk-17-jre-headless
fi

# The Nu Html Checker the publish tests run over the demo site (tests/publish/vnu.py),
# pinned in scripts/html_checker/package-lock.json, into build/vnu/. Its install script
# would download a Java of its own when none is found: Debian's is used instead.
checker=build/vnu
if [ "$FOR_TESTS" = 1 ] && { [ ! -f "$checker/node_modules/vnu-jar/build/dist/vnu.jar" ] \
  || ! cmp -s scripts/html_checker/package-lock.json "$checker/package-lock.json"; }; then
  mkdir -p "$checker"
  cp scripts/html_checker/package.json scripts/html_checker/package-lock.json "$checker/"
  npm ci --prefix "$checker" --ignore-scripts --no-audit --no-fund --silent
fi

# Redaksi needs Python 3.11 or newer; Ubuntu 22.04's python3 is 3.10, its python3.11 works.
python_ok() { "$1" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; }
PYTHON="${PYTHON:-python3}"
if ! python_ok "$PYTHON"; then
  if ! command -v python3.11 >/dev/null; then
    echo "python3 is older than 3.11: installing python3.11"
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
      python3.11 python3.11-venv
  fi
  PYTHON=python3.11
fi

if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
# Exact versions from requirements.lock (hash-checked), never whatever PyPI has today:
# see "Dependencies and the lock file" in README.md.
stamp=.venv/.redaksi-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ] || [ requirements.lock -nt "$stamp" ]; then
  .venv/bin/python -m pip install -q --require-hashes --no-deps -r requirements.lock
  # Built with the locked setuptools rather than the newest one an isolated build fetches.
  .venv/bin/python -m pip install -q --no-deps --no-build-isolation -e .
  .venv/bin/python -m pip check
  touch "$stamp"
fi
