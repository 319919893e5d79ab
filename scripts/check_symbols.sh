#!/bin/sh
# check_symbols.sh LIB.a LIB.so HEADER [FILE...]: the static library
# defines only ty_ symbols, the shared library exports exactly the
# functions HEADER declares (each with TY_EXPORT; everything else is
# hidden), and each FILE (the CLI, the examples) includes no header of the
# library but HEADER.
passed=0
failed=0
stray=$(nm -g --defined-only "$1" | awk 'NF == 3 { print $3 }' | grep -v '^ty_' | sort -u)
if [ -n "$stray" ]; then
  echo "symbols: defined without the ty_ prefix:" $stray >&2
  failed=$((failed + 1))
else passed=$((passed + 1)); fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# A declaration starts a line with its return type (comments, macros and
# struct fields do not); the first ty_NAME( on it is the function.
grep -E '^(TY_EXPORT )?[a-z][a-z_0-9 ]*[ *]ty_[a-z0-9_]+\(' "$3" |
  grep -v '^typedef' | sed -E 's/^[^(]*[ *](ty_[a-z0-9_]+)\(.*/\1/' |
  sort -u >"$tmp/declared"
grep -E '^[a-z][a-z_0-9 ]*[ *]ty_[a-z0-9_]+\(' "$3" | grep -v '^typedef' |
  sed -E 's/^[^(]*[ *](ty_[a-z0-9_]+)\(.*/\1/' >"$tmp/unmarked"
nm -D --defined-only "$2" | awk '$2 ~ /^[TWi]$/ { print $3 }' |
  grep -v '^_' | sort -u >"$tmp/exported"
extra=$(comm -13 "$tmp/declared" "$tmp/exported")
missing=$(comm -23 "$tmp/declared" "$tmp/exported")
if [ -n "$extra" ]; then
  echo "symbols: exported by $2 but not declared in $3:" $extra >&2
  failed=$((failed + 1))
else passed=$((passed + 1)); fi
if [ -n "$missing" ]; then
  echo "symbols: declared in $3 but not exported by $2" \
    "(a declaration needs TY_EXPORT, and a definition):" $missing >&2
  failed=$((failed + 1))
else passed=$((passed + 1)); fi
if [ -s "$tmp/unmarked" ]; then
  echo "symbols: declared in $3 without TY_EXPORT:" $(cat "$tmp/unmarked") >&2
  failed=$((failed + 1))
else passed=$((passed + 1)); fi
lib=$1 so=$2 header=$3
shift 3
for f in "$@"; do
  if grep -q '^#include "internal.h"' "$f"; then
    echo "symbols: $f includes internal.h; it may use only ${header##*/}" >&2
    failed=$((failed + 1))
  else passed=$((passed + 1)); fi
done
echo "symbols: $(wc -l <"$tmp/declared") functions in $header;" \
  "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
