#!/bin/sh
# Fuzzes every target with libFuzzer for SECONDS seconds each (clang with
# ASan+UBSan), with the target's dictionary tests/fuzz/NAME.dict if any.  New inputs go to $BUILD/fuzz-work/NAME, crashes to
# $BUILD/fuzz-crashes/; a crash fails the run.  Add each crash as a
# regression case to tests/fuzz/corpus/NAME/.  Environment: BUILD, the
# build folder (default build); LIB_SRC, the library sources (default
# every src/*.c but the CLI's); FUZZ_SEED, libFuzzer's seed (default 1:
# the same inputs in the same order on every machine, so a run that passed
# here for longer passes in CI too; 0 for a random one); FUZZ_TARGETS, the
# names of the targets to run (default all: tests/fuzz/fuzz_*.c).
set -eu
seconds=${1:-60}
seed=${FUZZ_SEED:-1}
if ! command -v clang >/dev/null 2>&1 || ! dpkg-query -W libclang-rt-14-dev >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y clang libclang-rt-14-dev >/dev/null
  else
    echo "taiyaku: fuzzing needs: sudo apt-get install -y clang libclang-rt-14-dev" >&2
    exit 1
  fi
fi
flags="$(pkg-config --cflags icu-uc icu-i18n yaml-0.1 libxml-2.0 libcmark libzip poppler-glib xlsxwriter) -std=c11 -D_GNU_SOURCE -Isrc -g -O1"
libs="$(pkg-config --libs icu-uc icu-i18n yaml-0.1 libxml-2.0 libcmark libzip poppler-glib xlsxwriter) -lpthread -lm"
lib_src=${LIB_SRC:-$(ls src/*.c | grep -v -e src/main.c -e src/cli -e src/batch.c -e src/safe_write.c)}
b=${BUILD:-build}
mkdir -p "$b/fuzz" "$b/fuzz-crashes"
status=0
for t in tests/fuzz/fuzz_*.c; do
  name=$(basename "$t" .c)
  case " ${FUZZ_TARGETS:-$name} " in *" $name "*) ;; *) continue ;; esac
  bin=$b/fuzz/$name
  clang $flags -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
    -o "$bin" "$t" $lib_src $libs
  work=$b/fuzz-work/$name
  mkdir -p "$work"
  echo "fuzzing $name for ${seconds}s"
  dict=
  [ -f "tests/fuzz/$name.dict" ] && dict="-dict=tests/fuzz/$name.dict"
  # shellcheck disable=SC2086 # $dict is one word or none
  if ! "$bin" -print_final_stats=1 -seed="$seed" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=4096 $dict \
       -artifact_prefix="$b/fuzz-crashes/$name-" "$work" "tests/fuzz/corpus/$name" \
       >"$b/fuzz/$name.log" 2>&1; then
    echo "fuzz: $name found a problem ($b/fuzz/$name.log, $b/fuzz-crashes/)" >&2
    tail -30 "$b/fuzz/$name.log" >&2
    status=1
  fi
  grep -E '^#[0-9]+[[:space:]]+DONE' "$b/fuzz/$name.log" || true
  # the speed and how far the corpus grew, for the record
  grep -E '^stat::(number_of_executed_units|average_exec_per_sec|new_units_added)' \
    "$b/fuzz/$name.log" | tr '\n' ' ' || true
  echo
done
exit $status
