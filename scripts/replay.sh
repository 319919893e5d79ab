#!/bin/sh
# Replays each fuzz target's committed corpus (tests/fuzz/corpus/NAME/)
# through its plain replay build.  Arguments: the replay programs.
status=0; passed=0; failed=0
for bin in "$@"; do
  name=$(basename "$bin" -replay)
  dir=tests/fuzz/corpus/$name
  [ -d "$dir" ] || { echo "no corpus for $name" >&2; failed=$((failed + 1)); status=1; continue; }
  if "$bin" "$dir" >/dev/null; then passed=$((passed + 1)); else
    echo "replay failed: $name" >&2; failed=$((failed + 1)); status=1
  fi
done
echo "fuzz replay: $passed passed, $failed failed"
exit $status
