#!/usr/bin/env bash
# Installs what compiling and trying the Windows installer on Linux needs: Debian's wine
# (ISCC.exe is a 32-bit program, so wine32 and the i386 architecture too), xvfb (Inno
# Setup's installers make windows even when silent), and Inno Setup's compiler from the
# npm package pinned in packaging/windows/package-lock.json, into build/innosetup/.
# CI runs it (.ci/run); tests/packaging/test_windows_installer.py uses what it installs.
# Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
if ! dpkg-query -W -f='${Status}' wine32:i386 2>/dev/null | grep -q "install ok installed"; then
  echo "Installing wine (with i386 for the 32-bit ISCC.exe) and xvfb"
  dpkg --print-foreign-architectures | grep -qx i386 || $SUDO dpkg --add-architecture i386
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
    wine wine64 wine32:i386 xvfb xauth
fi

tools=build/innosetup
if [ ! -f "$tools/node_modules/innosetup/bin/ISCC.exe" ] \
  || ! cmp -s packaging/windows/package-lock.json "$tools/package-lock.json"; then
  mkdir -p "$tools"
  cp packaging/windows/package.json packaging/windows/package-lock.json "$tools/"
  npm ci --prefix "$tools" --no-audit --no-fund --silent
fi
