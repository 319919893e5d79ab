#!/bin/sh
# The library exports only ty_ symbols.  Argument: libtaiyaku.a
stray=$(nm -g --defined-only "$1" | awk 'NF == 3 { print $3 }' | grep -v '^ty_' | sort -u)
if [ -n "$stray" ]; then
  echo "symbols: exported without the ty_ prefix:" $stray >&2
  echo "symbols: 0 passed, 1 failed"
  exit 1
fi
echo "symbols: 1 passed, 0 failed"
