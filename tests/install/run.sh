#!/bin/sh
# Installs the library into a temporary DESTDIR under a PREFIX and LIBDIR
# that are not the defaults, then builds examples/walk.c there with only
# pkg-config's flags (no internal header can be reached) and runs it from
# the installed libtaiyaku.so.0.  Prints "install: N passed, N failed".
. "$(dirname "$0")/../cli/lib/harness.sh"
MAKE=${MAKE:-make}
CC=${CC:-cc}

prefix=/opt/taiyaku-test
libdir=$prefix/lib64
stage=$TMP/stage
cd "$ROOT" || exit 2
if $MAKE --no-print-directory -s install DESTDIR="$stage" PREFIX=$prefix \
  LIBDIR=$libdir >"$TMP/log" 2>&1; then ok; else
  fail "make install: $(tail -5 "$TMP/log")"
fi
# the .pc was made again for this PREFIX and LIBDIR; put it back for the
# default ones so that later builds install what they say
$MAKE --no-print-directory -s build/taiyaku.pc >/dev/null 2>&1

lib=$stage$libdir
for f in libtaiyaku.so.0 libtaiyaku.so libtaiyaku.a pkgconfig/taiyaku.pc; do
  if [ -e "$lib/$f" ]; then ok; else fail "not installed: $libdir/$f"; fi
done
[ -L "$lib/libtaiyaku.so.0" ] && [ -L "$lib/libtaiyaku.so" ] && ok ||
  fail "libtaiyaku.so.0 and libtaiyaku.so are not links"
soname=$(readelf -d "$lib/libtaiyaku.so" | sed -n 's/.*SONAME.*\[\(.*\)\]/\1/p')
[ "$soname" = libtaiyaku.so.0 ] && ok || fail "soname '$soname'"
[ -f "$stage$prefix/include/taiyaku.h" ] && ok || fail "taiyaku.h not installed"
[ ! -e "$stage$prefix/include/internal.h" ] && ok || fail "internal.h installed"
grep -qx "libdir=$libdir" "$lib/pkgconfig/taiyaku.pc" && ok ||
  fail "taiyaku.pc: $(grep libdir= "$lib/pkgconfig/taiyaku.pc")"

# pkg-config finds the staged .pc; the sysroot points its paths into DESTDIR
export PKG_CONFIG_PATH="$lib/pkgconfig"
export PKG_CONFIG_SYSROOT_DIR="$stage"
flags=$(pkg-config --cflags --libs taiyaku) || fail "pkg-config taiyaku"
case $flags in *"-I$stage$prefix/include"*) ok ;; *) fail "cflags: $flags" ;; esac
if $CC -std=c11 -Wall -Wextra -Werror -o "$TMP/walk" examples/walk.c $flags \
  2>"$TMP/cc"; then ok; else fail "examples/walk.c: $(cat "$TMP/cc")"; fi
readelf -d "$TMP/walk" | grep -q 'NEEDED.*\[libtaiyaku.so.0\]' && ok ||
  fail "walk does not need libtaiyaku.so.0"

ja=ja/cyber-dialogue-2017.txt
en=en/cyber-dialogue-2017.txt
if LD_LIBRARY_PATH=$lib "$TMP/walk" $ja $en >"$TMP/out" 2>"$TMP/err"; then ok
else fail "walk: $(cat "$TMP/err")"; fi
LD_LIBRARY_PATH=$lib ldd "$TMP/walk" | grep -q "libtaiyaku.so.0 => $lib/" && ok ||
  fail "walk did not load the installed library"
# what it walked is what the CLI aligns
want=$(build/taiyaku align -f json $ja $en |
  python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["summary"]["pairs"], len(d["findings"]))')
got=$(sed -n 's/^\([0-9]*\) pairs, \([0-9]*\) findings$/\1 \2/p' "$TMP/out")
[ -n "$want" ] && [ "$got" = "$want" ] && ok ||
  fail "walk saw '$got' pairs and findings, the CLI '$want'"
[ "$(grep -c '^pair ' "$TMP/out")" = "${want%% *}" ] && ok ||
  fail "walk printed $(grep -c '^pair ' "$TMP/out") pairs"
grep -q '^  ja: line [0-9]*, key .*, label ".*": .' "$TMP/out" && ok ||
  fail "no Japanese side with its text"

# CPPFLAGS reach every compile, LDFLAGS every link (.so, CLI, tests)
unit=$(ls tests/unit/test_*.c | head -1)
unit=build/tests/$(basename "$unit" .c)
$MAKE --no-print-directory -n -B CPPFLAGS=-DTY_CPPFLAGS_SEEN \
  LDFLAGS=-Wl,-z,ty-ldflags-seen build/libtaiyaku.so.$(sed -n \
  's/^#define TY_VERSION "\(.*\)"/\1/p' src/taiyaku.h) build/taiyaku "$unit" \
  >"$TMP/n" 2>&1
for what in "-shared" "-o build/taiyaku " "-o $unit "; do
  if grep -F -- "$what" "$TMP/n" | grep -q 'ty-ldflags-seen'; then ok; else
    fail "LDFLAGS not on the link of '$what'"
  fi
done
if grep -- ' -c ' "$TMP/n" | grep -qv TY_CPPFLAGS_SEEN; then
  fail "CPPFLAGS missing from a compile"
else ok; fi

finish install
