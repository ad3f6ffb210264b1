#!/bin/sh
# The long run of the property suite on hostile input (tests/hostile/test_hostile_mutations.py):
# every mutation of the bundled plan, commune file and actuals file must exit 0, 1 or 2,
# print no traceback and leave its input unchanged. EXAMPLES per test (default 2000),
# seeded like the short run; hypothesis prints the statistics of each test.
#   bench/hostile.sh            # 2000 examples per test
#   bench/hostile.sh 500
set -eu
cd "$(dirname "$0")/.."
NTMPLAN_HYPOTHESIS_EXAMPLES="${1:-2000}" exec "${PYTHON:-.venv/bin/python}" -m pytest -q -p no:cacheprovider \
    --hypothesis-show-statistics tests/hostile/test_hostile_mutations.py
