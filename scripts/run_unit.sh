#!/bin/sh
# Runs each cmocka unit-test program; fails if any fails.
status=0; passed=0; failed=0
for t in "$@"; do
  if "$t"; then passed=$((passed + 1)); else failed=$((failed + 1)); status=1; fi
done
echo "unit programs: $passed passed, $failed failed"
exit $status
