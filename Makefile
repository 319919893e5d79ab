# taiyaku — plain Makefile.  `make run` and `make check` also install the
# Debian packages the build needs (scripts/deps.sh).
CC      ?= cc
CFLAGS  ?= -O2 -g
PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
LIBDIR  ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
MANDIR  ?= $(PREFIX)/share/man
DESTDIR ?=
BUILD   ?= build

# Kept apart from CFLAGS so that a user override cannot drop them.
WARNFLAGS = -std=c11 -D_GNU_SOURCE -Wall -Wextra -Wshadow -Wno-unused-parameter
PKGS      = icu-uc icu-i18n yaml-0.1 libxml-2.0 xlsxwriter libcmark
PKGS     += libzip poppler-glib
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
# poppler-glib is opened on the first PDF (read_pdf.c), not linked: its
# libraries cost every run 26 ms at start.  Its soname, from the library
# the headers belong to.
PKG_LIBS   = $(shell pkg-config --libs $(filter-out poppler-glib,$(PKGS)) 2>/dev/null)
POPPLER_SONAME := $(shell objdump -p "$$(pkg-config --variable=libdir poppler-glib 2>/dev/null)/libpoppler-glib.so" 2>/dev/null | sed -n 's/^ *SONAME *//p')
PKG_CFLAGS += $(if $(POPPLER_SONAME),-DTY_POPPLER_SONAME='"$(POPPLER_SONAME)"')
ALL_CFLAGS = $(WARNFLAGS) $(PKG_CFLAGS) -Isrc $(CPPFLAGS) $(CFLAGS)
LIBS       = $(PKG_LIBS) -ldl -lpthread -lm

VERSION := $(shell sed -n 's/^\#define TY_VERSION "\(.*\)"/\1/p' src/taiyaku.h)
SONAME   = libtaiyaku.so.0
CLI_SRC  = src/main.c src/cli.c src/batch.c src/cli_update.c src/cli_summary.c src/safe_write.c
CLI_OBJ  = $(CLI_SRC:src/%.c=$(BUILD)/obj/%.o)
LIB_SRC  = $(filter-out $(CLI_SRC),$(wildcard src/*.c))
LIB_OBJ  = $(LIB_SRC:src/%.c=$(BUILD)/obj/%.o)
UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
FUZZ_SRC = $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_REPLAY = $(FUZZ_SRC:tests/fuzz/%.c=$(BUILD)/fuzz/%-replay)

.PHONY: all deps run check unit cli fuzz-replay asan bench fuzz install devref \
        uninstall clean format lint leakcheck browser-test layers \
        example-test sizes FORCE

all: $(BUILD)/taiyaku $(BUILD)/libtaiyaku.so $(BUILD)/taiyaku.pc

deps:
	@sh scripts/deps.sh

$(BUILD)/obj/%.o: src/%.c src/taiyaku.h src/internal.h
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -fPIC -fvisibility=hidden -c $< -o $@

$(BUILD)/libtaiyaku.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

# libtaiyaku.so.VERSION, with the links a loader (SONAME) and a linker
# (libtaiyaku.so) look for.
$(BUILD)/libtaiyaku.so.$(VERSION): $(LIB_OBJ)
	$(CC) $(CFLAGS) $(LDFLAGS) -shared -Wl,-soname,$(SONAME) -o $@ $^ $(LIBS)

$(BUILD)/libtaiyaku.so: $(BUILD)/libtaiyaku.so.$(VERSION)
	ln -sf libtaiyaku.so.$(VERSION) $(BUILD)/$(SONAME)
	ln -sf libtaiyaku.so.$(VERSION) $@

# The CLI alone reads JSON (taiyaku summary), with Jansson.
CLI_LIBS = $(shell pkg-config --libs jansson 2>/dev/null)
$(BUILD)/taiyaku: $(CLI_OBJ) $(BUILD)/libtaiyaku.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LIBS) $(CLI_LIBS)

$(CLI_OBJ): src/cli.h src/safe_write.h
$(BUILD)/obj/update%.o $(BUILD)/obj/render_update%.o: src/update.h
$(LIB_OBJ): src/engine.h
$(BUILD)/obj/outline.o $(BUILD)/obj/outline_toc.o $(BUILD)/obj/outline_keys.o \
  $(BUILD)/obj/outline_sequence.o: src/outline.h
$(BUILD)/obj/extract.o $(BUILD)/obj/extract_ja.o $(BUILD)/obj/extract_en.o: \
  src/extract.h
$(BUILD)/obj/render%.o: src/render.h
$(BUILD)/obj/share.o $(BUILD)/obj/align.o $(BUILD)/obj/checks.o \
  $(BUILD)/obj/render_json.o: src/share.h
$(BUILD)/obj/sentence.o $(BUILD)/obj/checks.o $(BUILD)/obj/extract_ja.o: \
  src/utf8_inline.h

# The .pc is rebuilt whenever PREFIX, LIBDIR, INCLUDEDIR or the version
# change: pc-vars holds their last values and changes only with them.
$(BUILD)/pc-vars: FORCE
	@mkdir -p $(BUILD)
	@echo '$(PREFIX) $(LIBDIR) $(INCLUDEDIR) $(VERSION)' | cmp -s - $@ || \
	  echo '$(PREFIX) $(LIBDIR) $(INCLUDEDIR) $(VERSION)' > $@

$(BUILD)/taiyaku.pc: taiyaku.pc.in $(BUILD)/pc-vars
	sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@LIBDIR@|$(LIBDIR)|g' \
	  -e 's|@INCLUDEDIR@|$(INCLUDEDIR)|g' -e 's|@VERSION@|$(VERSION)|g' $< > $@

FORCE:

# a unit test includes what it tests (internal.h, engine.h, outline.h, …):
# any of the library's headers changing rebuilds it
$(BUILD)/tests/%: tests/unit/%.c $(wildcard tests/unit/*.h) $(wildcard src/*.h) $(BUILD)/libtaiyaku.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/libtaiyaku.a $(LIBS) -lcmocka

$(BUILD)/fuzz/%-replay: tests/fuzz/%.c tests/fuzz/replay.c $(wildcard src/*.h) $(BUILD)/libtaiyaku.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< tests/fuzz/replay.c $(BUILD)/libtaiyaku.a $(LIBS)

# The main job: align every ja/NAME.* with en/NAME.* into alignments/.
run: deps
	@$(MAKE) --no-print-directory all
	@sh scripts/run.sh $(BUILD)/taiyaku

check: deps
	@$(MAKE) --no-print-directory all
	@$(MAKE) --no-print-directory unit cli fuzz-replay browser-test devref
	@sh scripts/check_symbols.sh $(BUILD)/libtaiyaku.a $(BUILD)/libtaiyaku.so \
	  src/taiyaku.h $(CLI_SRC) src/cli.h $(wildcard examples/*.c)
	@$(MAKE) --no-print-directory layers sizes example-test

# examples/ built against the library installed into a temporary DESTDIR,
# found through pkg-config, run from there (tests/install/run.sh).
example-test: all
	@MAKE="$(MAKE)" CC="$(CC)" sh tests/install/run.sh

# Every object calls only its own layer or lower ones (scripts/layers.txt);
# tests/layers shows the check failing on a deliberate violation.
layers: $(LIB_OBJ) $(CLI_OBJ)
	@sh scripts/check_layers.sh scripts/layers.txt $(LIB_OBJ) $(CLI_OBJ)
	@CC="$(CC)" sh tests/layers/run.sh

# No function in src/ over 100 lines, no file over 1,000 (Universal
# Ctags measures them); tests/size shows the check failing.
sizes:
	@sh scripts/check_size.sh $(wildcard src/*.c src/*.h)
	@sh tests/size/run.sh

# The Debian Developer's Reference in both languages (downloaded by the test).
devref: $(BUILD)/taiyaku
	@TAIYAKU=$(CURDIR)/$(BUILD)/taiyaku sh tests/devref/run.sh
	@mkdir -p $(BUILD)/devref
	@TAIYAKU=$(CURDIR)/$(BUILD)/taiyaku DEVREF_DEBS=$(CURDIR)/$(BUILD)/devref \
	  sh tests/devref/html.sh

unit: $(UNIT_BIN)
	@sh scripts/run_unit.sh $(UNIT_BIN)

# Every CLI test script (tests/cli/*.sh), then the benchmark-data checks.
cli: $(BUILD)/taiyaku node/xliff
	@sh scripts/run_cli.sh $(CURDIR)/$(BUILD)/taiyaku

# npm's xliff (an XLIFF 1.2/2.x reader) for tests/cli/xliff.sh, installed
# once into build/node from the registry; offline thereafter.
NODE_XLIFF = build/node/node_modules/xliff/package.json
node/xliff: $(NODE_XLIFF)
$(NODE_XLIFF):
	@mkdir -p build/node
	npm install --prefix build/node --no-audit --no-fund --no-save xliff@6.4.0

fuzz-replay: $(FUZZ_REPLAY)
	@sh scripts/replay.sh $(FUZZ_REPLAY)

# The HTML page this build renders, in headless Chromium (installs
# Debian's chromium): a row per pair, a link per finding, screenshots in
# $(BUILD)/browser.  Rendered into $(BUILD)/browser, not read from alignments/.
# Then a 1,200-clause genpairs pair with planted faults: each problem
# region boxed in the picture and drawn in detail (tests/browser/large.sh).
browser-test: $(BUILD)/taiyaku
	@mkdir -p $(BUILD)/browser
	@for f in html json; do $(BUILD)/taiyaku align --format $$f --fail-on never \
	  -o $(BUILD)/browser/cyber-dialogue-2017.$$f ja/cyber-dialogue-2017.txt \
	  en/cyber-dialogue-2017.txt || exit 1; done
	@sh tests/browser/run.sh $(BUILD)/browser/cyber-dialogue-2017.html \
	  $(BUILD)/browser/cyber-dialogue-2017.json $(BUILD)/browser
	@$(CC) -O2 -o $(BUILD)/browser/genpairs tests/bench/genpairs.c -lm
	@sh tests/browser/large.sh $(BUILD)/taiyaku $(BUILD)/browser/genpairs \
	  $(BUILD)/browser/large

# Address and undefined-behaviour sanitizers over the whole test suite.
asan: deps
	@$(MAKE) --no-print-directory BUILD=build-asan \
	  CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
	  LDFLAGS="-fsanitize=address,undefined" all unit cli fuzz-replay

leakcheck: all
	@sh scripts/leakcheck.sh $(BUILD)/taiyaku

bench: deps
	@$(MAKE) --no-print-directory all
	@sh tests/bench/run.sh $(BUILD)/taiyaku

fuzz: deps
	@sh scripts/fuzz.sh $(or $(FUZZ_SECONDS),60)

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCLUDEDIR) \
	  $(DESTDIR)$(LIBDIR)/pkgconfig $(DESTDIR)$(MANDIR)/man1
	install -m 755 $(BUILD)/taiyaku $(DESTDIR)$(BINDIR)/taiyaku
	install -m 644 $(BUILD)/libtaiyaku.a $(DESTDIR)$(LIBDIR)/libtaiyaku.a
	install -m 755 $(BUILD)/libtaiyaku.so.$(VERSION) $(DESTDIR)$(LIBDIR)/
	ln -sf libtaiyaku.so.$(VERSION) $(DESTDIR)$(LIBDIR)/$(SONAME)
	ln -sf libtaiyaku.so.$(VERSION) $(DESTDIR)$(LIBDIR)/libtaiyaku.so
	install -m 644 src/taiyaku.h $(DESTDIR)$(INCLUDEDIR)/taiyaku.h
	install -m 644 $(BUILD)/taiyaku.pc $(DESTDIR)$(LIBDIR)/pkgconfig/taiyaku.pc
	if [ -f man/taiyaku.1 ]; then install -m 644 man/taiyaku.1 $(DESTDIR)$(MANDIR)/man1/taiyaku.1; fi

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/taiyaku $(DESTDIR)$(LIBDIR)/libtaiyaku.a \
	  $(DESTDIR)$(LIBDIR)/libtaiyaku.so.$(VERSION) $(DESTDIR)$(LIBDIR)/$(SONAME) \
	  $(DESTDIR)$(LIBDIR)/libtaiyaku.so $(DESTDIR)$(INCLUDEDIR)/taiyaku.h \
	  $(DESTDIR)$(LIBDIR)/pkgconfig/taiyaku.pc $(DESTDIR)$(MANDIR)/man1/taiyaku.1


format:
	clang-format -i $(wildcard $(FORMAT_SRC))

# clang-format (the committed .clang-format) and cppcheck over the tree.
FORMAT_SRC = src/*.c src/*.h tests/unit/*.c tests/unit/*.h tests/fuzz/*.c \
             examples/*.c
lint:
	@sh scripts/deps.sh lint
	clang-format --dry-run -Werror $(wildcard $(FORMAT_SRC))
	cppcheck --quiet --enable=warning,performance,portability --error-exitcode=1 \
	  --suppress=missingIncludeSystem -Isrc src

clean:
	rm -rf build build-asan
