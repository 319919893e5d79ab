#!/bin/sh
# The size check (scripts/check_size.sh) over small generated files: it
# accepts a 100-line function and a 1,000-line file, and fails on a
# 101-line function (also one whose signature spans lines and whose body
# has braces in strings and comments) and on a 1,001-line file, naming
# the file, the line and the function.
. "$(dirname "$0")/../cli/lib/harness.sh"
CHECK=$ROOT/scripts/check_size.sh

# cfunc NAME N: a C function of exactly N lines, from its name to its
# closing brace, the signature on two lines, braces inside a string and
# a comment.
cfunc() {
  echo "static int $1(int a,"
  echo "                int b) {"
  echo '  const char *s = "}}";'
  echo '  /* } */'
  i=4
  while [ "$i" -lt $(($2 - 1)) ]; do
    echo "  a += b;"
    i=$((i + 1))
  done
  echo "}"
}
# pad N: N lines of comment.
pad() {
  i=0
  while [ "$i" -lt "$1" ]; do
    echo "/* line */"
    i=$((i + 1))
  done
}

cd "$TMP" || exit 2
{
  echo '#include <stdio.h>'
  cfunc at_limit 100
  echo 'int small(void) { return 0; }'
} >fits.c
{
  echo '#include <stdio.h>'
  cfunc short_one 20
  cfunc too_long 101
} >long_function.c
pad 1000 >file_at_limit.c
pad 1001 >long_file.c

if sh "$CHECK" fits.c file_at_limit.c >out 2>err; then ok; else
  fail "a 100-line function or a 1,000-line file was refused: $(cat err)"
fi
grep -q '^size: 2 passed, 0 failed$' out && ok || fail "count: $(cat out)"

if sh "$CHECK" fits.c long_function.c >out 2>err; then
  fail "a 101-line function was accepted"
else ok; fi
grep -q '^size: long_function.c:22: too_long is 101 lines (at most 100)' err &&
  ok || fail "long function message: $(cat err)"
grep -q 'short_one' err && fail "a 20-line function was reported: $(cat err)" || ok
grep -q '^size: 1 passed, 1 failed$' out && ok || fail "count: $(cat out)"

if sh "$CHECK" long_file.c >out 2>err; then
  fail "a 1,001-line file was accepted"
else ok; fi
grep -q '^size: long_file.c is 1001 lines (at most 1000)' err && ok ||
  fail "long file message: $(cat err)"

finish size-check
