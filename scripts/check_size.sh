#!/bin/sh
# check_size.sh FILE...: fails when a C function in FILE is over
# MAX_FUNCTION lines (default 100) or a FILE over MAX_FILE lines (default
# 1,000).  A function runs from the line of its name to its closing brace,
# as Universal Ctags (scripts/deps.sh) reports them, so multi-line
# signatures and braces inside strings or comments are counted right.
# Prints "size: N passed, N failed" (one count per file).
max_function=${MAX_FUNCTION:-100}
max_file=${MAX_FILE:-1000}
if ! ctags --version 2>/dev/null | grep -q 'Universal Ctags'; then
  echo "size: Universal Ctags is needed (Debian: universal-ctags," \
    "installed by scripts/deps.sh)" >&2
  exit 2
fi
passed=0
failed=0
for f in "$@"; do
  bad=0
  lines=$(wc -l <"$f") || exit 2
  if [ "$lines" -gt "$max_file" ]; then
    echo "size: $f is $lines lines (at most $max_file): split it" \
      "into files named after what each part does" >&2
    bad=1
  fi
  # NAME LINE END per function definition; a definition without an end
  # means this ctags cannot measure it: an error, not a pass.
  tags=$(ctags -f - --sort=no --language-force=C --kinds-C=f \
    --fields=+ne --excmd=number "$f") || exit 2
  out=$(printf '%s\n' "$tags" | awk -F'\t' -v f="$f" -v max="$max_function" '
    NF < 3 { next }
    {
      end = ""
      for (i = 4; i <= NF; i++) if ($i ~ /^end:/) end = substr($i, 5)
      start = $3 + 0
      if (end == "") { printf "size: %s:%d: %s: no end line from ctags\n", f, start, $1; next }
      n = end - start + 1
      if (n > max)
        printf "size: %s:%d: %s is %d lines (at most %d): split it\n", f, start, $1, n, max
    }')
  if [ -n "$out" ]; then
    printf '%s\n' "$out" >&2
    bad=1
  fi
  if [ "$bad" -eq 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
done
echo "size: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
