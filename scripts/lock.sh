#!/usr/bin/env bash
# Writes requirements.lock: the exact version (and hashes) of every package Redaksi and its
# development tools install, resolved from the ranges in pyproject.toml for every platform
# the installers target (Linux, Windows, macOS) and every Python from 3.11 on.
#
#   bash scripts/lock.sh              keep the pinned versions, change only what pyproject
#                                     no longer allows (after editing a range or a package)
#   bash scripts/lock.sh --upgrade    move every package to its newest release that the
#                                     ranges allow; then run bash scripts/test.sh
#   bash scripts/lock.sh --upgrade-package markdown   move one package only
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
.venv/bin/uv pip compile pyproject.toml --extra dev --universal --python-version 3.11 \
  --generate-hashes --quiet --output-file requirements.lock "$@"
echo "requirements.lock written; bash scripts/bootstrap.sh installs it."
