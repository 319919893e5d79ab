#!/bin/sh
# valgrind over every output format on the bundled pair: no leak, no
# invalid access (ICU's own cache aside: scripts/leakcheck.supp).
# Argument: the taiyaku binary.  Logs: build/leakcheck-FORMAT.log.
set -u
bin=${1:-build/taiyaku}
command -v valgrind >/dev/null || { echo "leakcheck needs valgrind" >&2; exit 1; }
status=0; passed=0; failed=0
for f in text md html csv tsv json yaml tmx xliff; do
  if valgrind -q --suppressions="$(dirname "$0")/leakcheck.supp" --leak-check=full --show-leak-kinds=definite,indirect,possible \
       --errors-for-leak-kinds=definite,indirect,possible --error-exitcode=99 \
       "$bin" align --sentences --format "$f" ja/cyber-dialogue-2017.txt \
       en/cyber-dialogue-2017.txt >/dev/null 2>build/leakcheck-$f.log; then
    passed=$((passed + 1))
  else
    rc=$?
    if [ $rc -eq 99 ]; then
      echo "leakcheck: $f" >&2; cat build/leakcheck-$f.log >&2
      failed=$((failed + 1)); status=1
    elif [ $rc -ge 2 ]; then
      echo "leakcheck: $f exited $rc" >&2; failed=$((failed + 1)); status=1
    else passed=$((passed + 1)); fi
  fi
done
echo "leakcheck: $passed passed, $failed failed"
exit $status
