#!/bin/sh
# The layer check (scripts/check_layers.sh) over a tiny fake object set:
# it passes a downward call, and fails on an upward call and on a file
# that is in no layer, naming the file and what to do.
. "$(dirname "$0")/../cli/lib/harness.sh"
CHECK=$ROOT/scripts/check_layers.sh
CC=${CC:-cc}

cd "$TMP" || exit 2
printf 'low: lo\nhigh: hi up_*\n' >layers.txt
echo 'int ty_lo(void) { return 1; }' >lo.c
echo 'int ty_lo(void); int ty_hi(void) { return ty_lo(); }' >hi.c
echo 'int ty_hi(void); int ty_lo2(void) { return ty_hi(); }' >lo2.c
echo 'int ty_lo(void); int ty_up(void) { return ty_lo(); }' >up_x.c
echo 'int ty_stray(void) { return 0; }' >stray.c
for f in lo hi lo2 up_x stray; do $CC -c $f.c -o $f.o || exit 2; done

# downward calls, and a file placed by a pattern: accepted
if sh "$CHECK" layers.txt lo.o hi.o up_x.o >out 2>err; then ok; else
  fail "a downward call was refused: $(cat err)"
fi
grep -q '^layers: 3 passed, 0 failed$' out && ok || fail "count: $(cat out)"

# an upward call: lo2 (layer low) calls ty_hi (layer high)
printf 'low: lo lo2\nhigh: hi\n' >layers2.txt
if sh "$CHECK" layers2.txt lo.o lo2.o hi.o >out 2>err; then
  fail "an upward call was accepted"
else ok; fi
grep -q 'src/lo2.c (layer low) uses ty_hi of src/hi.c (layer high' err && ok ||
  fail "upward call message: $(cat err)"
grep -q '^layers: 2 passed, 1 failed$' out && ok || fail "count: $(cat out)"

# a file in no layer: an error saying to add it to the list
if sh "$CHECK" layers.txt lo.o stray.o >out 2>err; then
  fail "a file in no layer was accepted"
else ok; fi
grep -q "src/stray.c is in no layer: add 'stray' to the line of its layer in layers.txt" err &&
  ok || fail "unknown file message: $(cat err)"

finish layer-check
