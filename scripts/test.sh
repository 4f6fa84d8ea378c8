#!/usr/bin/env bash
# Runs every check CI runs: lint, type check and the whole test suite
# (storage tests run against SQLite and a real PostgreSQL server).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh --for-tests
# Everything the suite checks against is installed now: a test missing a tool fails.
export REDAKSI_TOOLS_INSTALLED=1
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy
QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest "$@"
