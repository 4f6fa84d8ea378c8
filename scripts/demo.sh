#!/usr/bin/env bash
# Starts Redaksi on a demo newsroom kept in ./demo-newsroom (created on first run).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
DB="sqlite:///$PWD/demo-newsroom/redaksi.db"
mkdir -p demo-newsroom
.venv/bin/redaksi --db "$DB" demo
exec .venv/bin/redaksi --db "$DB" "$@"
