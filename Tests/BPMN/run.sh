#!/usr/bin/env bash
# Exports every bundled workflow and Tests/BPMN/all-kinds.json (every node kind) as BPMN (govflow graph --format
# bpmn) and checks each export with SpiffWorkflow (Tests/BPMN/check_bpmn.py). Uses the virtual environment
# .build/ci-venv (created with /usr/bin/python3 -m venv as .ci/run does) and installs SpiffWorkflow into it when
# missing. Fails, never skips, when a check fails.
#
# GOVFLOW_BIN: the govflow binary (default: .build/debug/govflow, built with swift build when missing).
set -euo pipefail
cd "$(dirname "$0")/../.."

venv=.build/ci-venv
if [ ! -x "$venv/bin/python" ]; then
    /usr/bin/python3 -m venv "$venv"
fi
"$venv/bin/python" -c "import SpiffWorkflow, lxml" 2>/dev/null || "$venv/bin/pip" install --quiet "SpiffWorkflow>=3,<4"

govflow=${GOVFLOW_BIN:-.build/debug/govflow}
if [ ! -x "$govflow" ]; then
    swift build --product govflow
fi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
pairs=()
for definition in workflows/*.json Tests/BPMN/all-kinds.json; do
    export="$out/$(basename "$definition" .json).bpmn"
    "$govflow" graph "$definition" --format bpmn > "$export"
    pairs+=("$definition" "$export")
done
if ((${#pairs[@]} == 0)); then
    echo "error: no workflows/*.json to export" >&2
    exit 1
fi
"$venv/bin/python" Tests/BPMN/check_bpmn.py "${pairs[@]}"
