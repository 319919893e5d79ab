#!/bin/sh
# check_layers.sh LAYERS OBJ...: fails when an object file references a
# symbol defined by an object of a higher layer (LAYERS, lowest first, is
# scripts/layers.txt), or when an object's source file is in no layer.
# Prints "layers: N passed, N failed" (one count per object).
set -f # the layer file's patterns are for `case`, not for the shell
layers=$1
shift
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# layer_of BASE: prints "INDEX NAME" of the layer listing BASE.
layer_of() {
  n=0
  while IFS= read -r line; do
    line=${line%%#*}
    case $line in *:*) ;; *) continue ;; esac
    n=$((n + 1))
    for p in ${line#*:}; do
      case $1 in $p) echo "$n ${line%%:*}" && return 0 ;; esac
    done
  done <"$layers"
  return 1
}

unknown=0
for o in "$@"; do
  base=$(basename "$o" .o)
  if ! at=$(layer_of "$base"); then
    echo "layers: src/$base.c is in no layer: add '$base' to the line of" \
      "its layer in $layers (lowest layer first; a file may call only" \
      "its own layer and the ones listed before it)" >&2
    unknown=$((unknown + 1))
    continue
  fi
  nm -g --defined-only "$o" | awk -v at="$at" -v f="$base" \
    'NF == 3 { print $3, at, f }' >>"$tmp/defs"
  nm -u "$o" | awk -v at="$at" -v f="$base" \
    '{ print $NF, at, f }' >>"$tmp/refs"
done
touch "$tmp/defs" "$tmp/refs"

# refs: SYM IDX LAYER FILE; defs likewise.  A use is wrong when the
# defining layer comes later in the list than the user's.
awk -v badfile="$tmp/bad" 'NR == FNR { def[$1] = $0; next }
     ($1 in def) {
       split(def[$1], d, " ")
       if (d[2] + 0 > $2 + 0) {
         printf "layers: src/%s.c (layer %s) uses %s of src/%s.c (layer %s, higher)\n", \
           $4, $3, $1, d[4], d[3]
         bad[$4] = 1
       }
     }
     END { for (f in bad) print f > badfile }' \
  "$tmp/defs" "$tmp/refs" >&2
touch "$tmp/bad"
nbad=$(wc -l <"$tmp/bad")
total=$#
failed=$((nbad + unknown))
echo "layers: $((total - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]
