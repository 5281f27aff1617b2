# charterdash — build, run, test, install.
# Honours CC, CFLAGS, CPPFLAGS, LDFLAGS, LDLIBS, PREFIX, DESTDIR as usual.

VERSION    := 0.1.0
PREFIX     ?= /usr/local
BINDIR     ?= $(PREFIX)/bin
DATADIR    ?= $(PREFIX)/share/charterdash
MANDIR     ?= $(PREFIX)/share/man

CC         ?= cc
PKG_CONFIG ?= pkg-config
CFLAGS     ?= -O2 -g
# Project flags go first so that a user's CFLAGS can override them.
WARNINGS   := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
              -Wformat=2 -Wpointer-arith -Wvla -Wundef
# make DEVELOPER=1 (CI builds so, with gcc and clang): a warning is an
# error, and a cast that drops a const warns.
ifeq ($(DEVELOPER),1)
WARNINGS   += -Wcast-qual -Werror
endif
# The core is POSIX.1-2008 C; only the UI (src/ui/, its tests, the key
# fuzzer) sees ncursesw's own flags (-D_DEFAULT_SOURCE -D_XOPEN_SOURCE=600).
CD_CPPFLAGS = -Iinclude -D_POSIX_C_SOURCE=200809L \
              -DCHARTERDASH_VERSION='"$(VERSION)"' \
              $(shell $(PKG_CONFIG) --cflags yaml-0.1 2>/dev/null)
# make HAVE_INOTIFY=0: the file watch by polling alone (as where the
# kernel has no inotify; store/watch.h decides otherwise).
ifneq ($(HAVE_INOTIFY),)
CD_CPPFLAGS += -DHAVE_INOTIFY=$(HAVE_INOTIFY)
endif
UI_CPPFLAGS = -D_XOPEN_SOURCE_EXTENDED $(shell $(PKG_CONFIG) --cflags ncursesw 2>/dev/null)
CD_CFLAGS   = -std=c11 $(WARNINGS) -MMD -MP
LIBS_CORE   = $(shell $(PKG_CONFIG) --libs yaml-0.1 2>/dev/null || echo -lyaml)
LIBS_UI     = $(shell $(PKG_CONFIG) --libs ncursesw 2>/dev/null || echo -lncursesw)
LIBS_TEST   = $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null || echo -lcmocka)

BUILD      ?= build
# The layers, lowest first (docs/ARCHITECTURE.md): everything but main.c
# and the ncurses UI makes the library, the pure core plus the CLI.
LAYERS     := core store report cli
CORE_SRC   := $(foreach l,$(LAYERS),$(wildcard src/$l/*.c))
UI_SRC     := $(wildcard src/ui/*.c)
CORE_OBJ   := $(CORE_SRC:src/%.c=$(BUILD)/obj/%.o)
UI_OBJ     := $(UI_SRC:src/%.c=$(BUILD)/obj/%.o)
MAIN_OBJ   := $(BUILD)/obj/main.o
BIN        := $(BUILD)/charterdash
CORE_LIB   := $(BUILD)/libcharterdash.a

TEST_SRC   := $(wildcard tests/test_*.c)
TEST_BIN   := $(TEST_SRC:tests/%.c=$(BUILD)/tests/%)
# Each fuzz target without libFuzzer: its committed corpus as a unit test.
FUZZ_TARGETS := $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
REPLAY_BIN := $(FUZZ_TARGETS:%=$(BUILD)/tests/replay_%)

.PHONY: all run test check-layers unit e2e check-valgrind check-sanitize install uninstall clean deps-build deps-test
all: $(BIN)

$(BUILD)/obj/%.o: src/%.c
	@mkdir -p $(@D)
	$(CC) $(CD_CPPFLAGS) $(CPPFLAGS) $(CD_CFLAGS) $(CFLAGS) -c -o $@ $<

# main.c starts the UI; the UI's own flags for it and for src/ui/
$(MAIN_OBJ) $(UI_OBJ): private CD_CPPFLAGS += $(UI_CPPFLAGS)

$(CORE_LIB): $(CORE_OBJ)
	@mkdir -p $(@D)
	$(AR) rcs $@ $^

$(BIN): $(MAIN_OBJ) $(UI_OBJ) $(CORE_LIB)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(MAIN_OBJ) $(UI_OBJ) $(CORE_LIB) $(LIBS_UI) $(LIBS_CORE) $(LDLIBS)

$(BUILD)/tests/%.o: tests/%.c
	@mkdir -p $(@D)
	$(CC) $(CD_CPPFLAGS) $(CPPFLAGS) $(CD_CFLAGS) $(CFLAGS) -c -o $@ $<

# The dashboard's own tests (tests/test_ui_*.c) link the UI and ncursesw;
# every other test links the core only, so that it cannot lean on the UI.
UI_TEST_BIN   := $(filter $(BUILD)/tests/test_ui_%,$(TEST_BIN))
CORE_TEST_BIN := $(filter-out $(UI_TEST_BIN),$(TEST_BIN))
$(UI_TEST_BIN:%=%.o): private CD_CPPFLAGS += $(UI_CPPFLAGS)

$(CORE_TEST_BIN): $(BUILD)/tests/%: $(BUILD)/tests/%.o $(CORE_LIB)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(CORE_LIB) $(LIBS_TEST) $(LIBS_CORE) $(LDLIBS)

$(UI_TEST_BIN): $(BUILD)/tests/%: $(BUILD)/tests/%.o $(UI_OBJ) $(CORE_LIB)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(UI_OBJ) $(CORE_LIB) $(LIBS_TEST) $(LIBS_UI) $(LIBS_CORE) $(LDLIBS)

# The fuzz targets' own settings: where the charters the key fuzzer copies
# are, and where it makes its private directory unless TMPDIR is set.
FUZZ_DEFS   = -DFUZZ_SOURCE_DIR='"$(CURDIR)"' -DFUZZ_SCRATCH='"$(abspath $(@D))"'

# (static patterns: the generic ones above must not chain into these)
REPLAY_OBJ := $(FUZZ_TARGETS:%=$(BUILD)/tests/fuzz/replay_%.o)
FUZZ_TEST_OBJ := $(FUZZ_TARGETS:%=$(BUILD)/tests/fuzz/fuzz_%.o)
.PRECIOUS: $(REPLAY_OBJ) $(FUZZ_TEST_OBJ)

$(FUZZ_TEST_OBJ): $(BUILD)/tests/fuzz/fuzz_%.o: tests/fuzz/fuzz_%.c
	@mkdir -p $(@D)
	$(CC) $(CD_CPPFLAGS) $(CPPFLAGS) $(FUZZ_DEFS) $(CD_CFLAGS) $(CFLAGS) -c -o $@ $<

$(REPLAY_OBJ): $(BUILD)/tests/fuzz/replay_%.o: tests/fuzz/replay.c
	@mkdir -p $(@D)
	$(CC) $(CD_CPPFLAGS) $(CPPFLAGS) -DFUZZ_CORPUS='"$(CURDIR)/tests/fuzz/corpus/$*"' $(CD_CFLAGS) $(CFLAGS) -c -o $@ $<

# the key fuzzer's corpus drives the dashboard: the UI and ncursesw too
$(BUILD)/tests/replay_keys: $(UI_OBJ)
$(BUILD)/tests/replay_keys: REPLAY_LIBS = $(LIBS_UI)

$(REPLAY_BIN): $(BUILD)/tests/replay_%: $(BUILD)/tests/fuzz/replay_%.o $(BUILD)/tests/fuzz/fuzz_%.o $(CORE_LIB)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(filter %.o,$^) $(CORE_LIB) $(REPLAY_LIBS) $(LIBS_CORE) $(LDLIBS)

# --- the two set-up commands -------------------------------------------------
deps-build:
	@sh scripts/ensure-deps.sh build
deps-test:
	@sh scripts/ensure-deps.sh test

run: deps-build
	@$(MAKE) --no-print-directory all
	./$(BIN) data/charter.yaml

# Pictures of the dashboard (PNG with the terminal's colours, and plain
# text) from real runs in tmux at fixed sizes and a fixed --today.
.PHONY: screenshots
screenshots:
	@sh scripts/ensure-deps.sh screenshots
	@$(MAKE) --no-print-directory all
	@sh scripts/screenshots.sh ./$(BIN) screenshots

# The build inside `make test` uses every core unless make was given -j.
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)
test: deps-test
	@$(MAKE) --no-print-directory $(if $(findstring jobserver,$(MAKEFLAGS)),,-j$(JOBS)) \
	  all $(TEST_BIN) $(REPLAY_BIN)
	@$(MAKE) --no-print-directory check-layers unit e2e

# The layers (docs/ARCHITECTURE.md) from the objects: no cycle between
# files, no edge from a lower folder to a higher one.
check-layers: $(BIN)
	@python3 scripts/check-layers $(BUILD)

# Each cmocka binary runs alone too: build/tests/test_date, etc.; each
# replay_NAME runs tests/fuzz/corpus/NAME (or the directories given).
unit: $(TEST_BIN) $(REPLAY_BIN)
	@sh tests/run-unit.sh $(TEST_BIN) $(REPLAY_BIN)

# (test_install reuses this build's objects, built and linked the same way)
e2e: $(BIN)
	@CHARTERDASH_BUILD='$(abspath $(BUILD))' CHARTERDASH_CC='$(CC)' CHARTERDASH_CFLAGS='$(CFLAGS)' \
	  CHARTERDASH_LDFLAGS='$(LDFLAGS)' sh tests/e2e/run.sh $(BIN)

# The unit programs, then one dashboard session end to end (tmux; about a
# minute at most), under valgrind: an invalid access or a definite or
# indirect leak fails (tests/valgrind/ncurses.supp: ncurses' own blocks).
check-valgrind: deps-test
	@$(MAKE) --no-print-directory all $(TEST_BIN) $(REPLAY_BIN)
	@VALGRIND=1 sh tests/run-unit.sh $(TEST_BIN) $(REPLAY_BIN)
	@sh tests/e2e/valgrind_session.sh $(BIN)

# The whole suite, end-to-end tests included, built with ASan + UBSan
# (no recovery: the first finding fails the run).
SANITIZE_FLAGS := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all
check-sanitize: deps-test
	@sh scripts/ensure-deps.sh fuzz
	@ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  $(MAKE) --no-print-directory BUILD=$(BUILD)/sanitize CC=clang \
	  CFLAGS='$(SANITIZE_FLAGS)' LDFLAGS='-fsanitize=address,undefined' unit e2e

# --- install -----------------------------------------------------------------
install: $(BIN)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR) $(DESTDIR)$(MANDIR)/man1 \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/charterdash
	install -m 644 data/charter.yaml $(DESTDIR)$(DATADIR)/charter.yaml
	install -m 644 docs/charterdash.1 $(DESTDIR)$(MANDIR)/man1/charterdash.1
	install -m 644 completions/charterdash.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/charterdash

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/charterdash $(DESTDIR)$(DATADIR)/charter.yaml
	rm -f $(DESTDIR)$(MANDIR)/man1/charterdash.1 $(DESTDIR)$(PREFIX)/share/bash-completion/completions/charterdash
	-rmdir $(DESTDIR)$(DATADIR) 2>/dev/null

clean:
	rm -rf $(BUILD)

# --- fuzzing (libFuzzer + ASan/UBSan; clang) ------------------------------
# make fuzz FUZZ_SECONDS=N runs each target for N seconds from the seed
# corpus in tests/fuzz/corpus/NAME (new inputs go to build/fuzz/corpus/NAME);
# FUZZ_TARGETS=keys runs only that one. A crash found goes, minimized and
# named after the bug, into tests/fuzz/corpus/NAME: make test replays it.
FUZZ_SECONDS ?= 60
FUZZ_CC      ?= clang
FUZZ_FLAGS   := -g -O1 -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_OBJ     := $(CORE_SRC:src/%.c=$(BUILD)/fuzz/obj/%.o)
FUZZ_UI_OBJ  := $(UI_SRC:src/%.c=$(BUILD)/fuzz/obj/%.o)
FUZZ_MAX_LEN ?= 65536
# an input of fuzz_keys is a whole session (every key drawn, saves): short ones
FUZZ_MAX_LEN_keys ?= 4096

$(FUZZ_UI_OBJ) $(BUILD)/fuzz/fuzz_keys $(BUILD)/tests/fuzz/fuzz_keys.o: private CD_CPPFLAGS += $(UI_CPPFLAGS)

$(BUILD)/fuzz/obj/%.o: src/%.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(CD_CPPFLAGS) $(CPPFLAGS) -std=c11 -MMD -MP $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

# the key fuzzer drives the dashboard: the UI and ncursesw too
$(BUILD)/fuzz/fuzz_keys: $(FUZZ_UI_OBJ)
$(BUILD)/fuzz/fuzz_keys: FUZZ_LIBS = $(LIBS_UI)

$(BUILD)/fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_OBJ)
	$(FUZZ_CC) $(CD_CPPFLAGS) $(CPPFLAGS) $(FUZZ_DEFS) -std=c11 $(FUZZ_FLAGS) -fsanitize=fuzzer -o $@ $^ \
	  $(FUZZ_LIBS) $(LIBS_CORE)

.PHONY: fuzz fuzz-build
fuzz-build:
	@sh scripts/ensure-deps.sh fuzz
	@$(MAKE) --no-print-directory $(FUZZ_TARGETS:%=$(BUILD)/fuzz/fuzz_%)

fuzz: fuzz-build
	@set -e; $(foreach t,$(FUZZ_TARGETS), \
	  mkdir -p $(BUILD)/fuzz/corpus/$t; \
	  echo "fuzz_$t: $(FUZZ_SECONDS) s"; \
	  $(BUILD)/fuzz/fuzz_$t -max_total_time=$(FUZZ_SECONDS) -max_len=$(or $(FUZZ_MAX_LEN_$t),$(FUZZ_MAX_LEN)) \
	    -print_final_stats=1 -artifact_prefix=$(BUILD)/fuzz/ $(BUILD)/fuzz/corpus/$t tests/fuzz/corpus/$t;)

# --- benchmarks (not part of make test) ------------------------------------
# make bench: generated charters of 1k, 10k and 100k milestones in
# $(BUILD)/bench (never committed), timed against the bare libyaml scan,
# taskwarrior and calcurse; writes bench/RESULTS.md. About 10 minutes.
.PHONY: bench
bench:
	@sh scripts/ensure-deps.sh bench
	@$(MAKE) --no-print-directory all
	python3 bench/run.py $(BIN) $(BUILD)/bench bench/RESULTS.md

-include $(wildcard $(BUILD)/obj/*.d $(BUILD)/obj/*/*.d $(BUILD)/tests/*.d $(BUILD)/tests/fuzz/*.d \
                    $(BUILD)/fuzz/obj/*.d $(BUILD)/fuzz/obj/*/*.d)
