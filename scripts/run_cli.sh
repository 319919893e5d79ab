#!/bin/sh
# Runs every CLI test script in tests/cli/ with TAIYAKU set to $1, and the
# checks of the benchmark tools (tests/bench/check_*.sh).
bin=$1
status=0; passed=0; failed=0
for t in tests/cli/*.sh tests/bench/check_*.sh; do
  [ -f "$t" ] || continue
  if TAIYAKU=$bin sh "$t"; then passed=$((passed + 1)); else
    echo "failed: $t" >&2; failed=$((failed + 1)); status=1
  fi
done
echo "cli scripts: $passed passed, $failed failed"
exit $status
