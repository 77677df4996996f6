# nnstep: build, run, test, benchmark, install.
# `make run` and `make test` first install missing Debian packages (scripts/deps.sh).

PREFIX  ?= /usr/local
DESTDIR ?=
BINDIR   = $(PREFIX)/bin
SHAREDIR = $(PREFIX)/share/nnstep
MANDIR   = $(PREFIX)/share/man
LOCALEDIR = $(PREFIX)/share/locale

CC      ?= cc
VERSION := 1.0.0
PKGS    := ncursesw jansson
WARN    := -Wall -Wextra -Werror -Wshadow -Wno-unused-parameter
# Language and preprocessor flags, shared by the build and `make lint`.
STDDEFS := -std=c11 -D_XOPEN_SOURCE=700 -D_XOPEN_SOURCE_EXTENDED -D_DEFAULT_SOURCE \
           -DNNSTEP_VERSION='"$(VERSION)"' -DNNSTEP_SHAREDIR='"$(SHAREDIR)"' \
           -DNNSTEP_LOCALEDIR='"$(LOCALEDIR)"' -Isrc \
           $(filter-out -D_XOPEN_SOURCE=% -D_DEFAULT_SOURCE,$(shell pkg-config --cflags $(PKGS) 2>/dev/null))
CFLAGS  ?= -O2 -g
CFLAGS  += $(STDDEFS) $(WARN) -ffp-contract=off
LDLIBS  += $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lcsv -lm

# SAN=1 builds everything with AddressSanitizer and UndefinedBehaviorSanitizer
# into its own folder, so both builds can live side by side.
ifeq ($(SAN),1)
BUILD   := build-san
CFLAGS  += -O1 -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
LDFLAGS += -fsanitize=address,undefined
else
BUILD   ?= build
endif

SRC      := $(sort $(wildcard src/*/*.c))
LIB_SRC  := $(filter-out src/cli/main.c,$(SRC))
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o)
MAIN_OBJ := $(BUILD)/src/cli/main.o
BIN      := $(BUILD)/nnstep
TEST_SRC := $(sort $(wildcard tests/unit/test_*.c))
TEST_OBJ := $(TEST_SRC:%.c=$(BUILD)/%.o) $(BUILD)/tests/unit/main.o $(BUILD)/tests/unit/golden.o \
	$(BUILD)/tests/unit/fixtures.o
TEST_BIN := $(BUILD)/unit-tests

# Message catalogues: po/LANG.po compiled to $(BUILD)/locale/LANG/LC_MESSAGES/nnstep.mo,
# where the program finds them next to itself.
POS := $(sort $(wildcard po/*.po))
MOS := $(POS:po/%.po=$(BUILD)/locale/%/LC_MESSAGES/nnstep.mo)

all: $(BIN) nnstep $(MOS)

nnstep: $(BIN)
	@[ "$(BUILD)" = build ] && cp $(BIN) nnstep || true

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -MMD -MP -c $< -o $@

# The engine gets the full optimiser; results do not change
# because -ffp-contract=off and no -ffast-math keep every rounding the same.
$(BUILD)/src/engine/%.o: CFLAGS += -O3

$(BUILD)/libnnstep.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BIN): $(MAIN_OBJ) $(BUILD)/libnnstep.a
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/locale/%/LC_MESSAGES/nnstep.mo: po/%.po
	@mkdir -p $(dir $@)
	msgfmt -c --statistics -o $@ $<

# `make pot`: the strings in _() and N_() collected into po/nnstep.pot and
# merged into every po/LANG.po (new ones come in untranslated).
pot:
	xgettext --from-code=UTF-8 --language=C --keyword=_ --keyword=N_ --add-comments=TRANSLATORS: \
	  --package-name=nnstep --package-version=$(VERSION) --msgid-bugs-address= \
	  --sort-by-file --add-location=file -o po/nnstep.pot $(SRC) $(sort $(wildcard src/*/*.h))
	@for p in $(POS); do msgmerge --quiet --update --backup=none --no-fuzzy-matching $$p po/nnstep.pot; \
	  msgfmt -c --statistics -o /dev/null $$p; done

# Each tests/unit/test_NAME.c defines `Suite *NAME_suite(void)`; the list is
# generated so that adding a test file needs no other edit.
$(BUILD)/tests/unit/suites.h: $(TEST_SRC)
	@mkdir -p $(dir $@)
	@for f in $(TEST_SRC); do n=$$(basename $$f .c); n=$${n#test_}; \
	  echo "X($${n}_suite)"; done > $@

$(BUILD)/tests/unit/main.o: tests/unit/main.c $(BUILD)/tests/unit/suites.h
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -I$(BUILD)/tests/unit $(shell pkg-config --cflags check) -c $< -o $@

$(BUILD)/tests/unit/%.o: tests/unit/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(shell pkg-config --cflags check) -MMD -MP -c $< -o $@

$(TEST_BIN): $(TEST_OBJ) $(BUILD)/libnnstep.a
	$(CC) $(LDFLAGS) -o $@ $^ $(shell pkg-config --libs check) $(LDLIBS)

# Fuzz harnesses (tests/fuzz/fuzz_NAME.c) replayed over their corpora through
# this build; `make fuzz` runs them under libFuzzer (clang).
FUZZERS     := $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
REPLAY_BINS := $(FUZZERS:%=$(BUILD)/fuzz-replay-%)
FUZZ_SECONDS ?= 60

$(BUILD)/fuzz-replay-%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c $(BUILD)/libnnstep.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ tests/fuzz/fuzz_$*.c tests/fuzz/replay.c $(BUILD)/libnnstep.a $(LDLIBS)

fuzz:
	@sh scripts/deps.sh test
	@FUZZ_SECONDS=$(FUZZ_SECONDS) sh scripts/fuzz.sh $(FUZZERS)

deps:
	@sh scripts/deps.sh build

deps-test:
	@sh scripts/deps.sh test

run: deps
	@$(MAKE) --no-print-directory all
	./nnstep

# The whole suite: unit tests, command-line and terminal tests, then the same
# again under the sanitizers, then valgrind. Prints one summary line at the end.
test: deps-test
	@$(MAKE) --no-print-directory all $(TEST_BIN) $(REPLAY_BINS)
	@sh tests/run.sh

unit: $(TEST_BIN)
	$(TEST_BIN)

bench:
	@sh scripts/deps.sh bench
	@$(MAKE) --no-print-directory all
	@$(MAKE) --no-print-directory -C bench
	@sh bench/run.sh

# Static analysis; fails on any finding. cppcheck over src/, then clang-tidy
# on each file (checks and the reasons for those left out in .clang-tidy)
# with the build's flags, LINT_JOBS files at a time. A file's findings are
# printed together, and only when it has some.
LINT_JOBS ?= 2

lint:
	cppcheck --quiet --enable=warning,portability --std=c11 --error-exitcode=1 --inline-suppr \
	  -Isrc -D_XOPEN_SOURCE=700 -DNNSTEP_VERSION='"$(VERSION)"' -DNNSTEP_SHAREDIR='"$(SHAREDIR)"' \
  -DNNSTEP_LOCALEDIR='"$(LOCALEDIR)"' \
	  --suppress=missingIncludeSystem -j$(LINT_JOBS) src/
	@echo "clang-tidy $(words $(SRC)) files"
	@printf '%s\n' $(SRC) | xargs -P$(LINT_JOBS) -I{} sh -c 'f=$$1; shift; \
	  out=$$(clang-tidy --quiet --warnings-as-errors="*" "$$f" -- "$$@" 2>&1) || \
	  { printf "%s\n" "$$out"; exit 1; }' sh {} $(STDDEFS)

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(SHAREDIR)/lessons $(DESTDIR)$(SHAREDIR)/datasets
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/nnstep
	cp -R lessons/. $(DESTDIR)$(SHAREDIR)/lessons/
	cp -R datasets/. $(DESTDIR)$(SHAREDIR)/datasets/
	install -d $(DESTDIR)$(PREFIX)/share/bash-completion/completions
	install -m 644 completion/nnstep.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/nnstep
	@for m in $(MOS); do l=$${m#$(BUILD)/locale/}; l=$${l%%/*}; \
	  install -d $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES; \
	  install -m 644 $$m $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/nnstep.mo; done
	@if [ -d man ]; then install -d $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5; \
	  for m in man/*.1; do [ -f $$m ] && install -m 644 $$m $(DESTDIR)$(MANDIR)/man1/; done; \
	  for m in man/*.5; do [ -f $$m ] && install -m 644 $$m $(DESTDIR)$(MANDIR)/man5/; done; true; fi

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/nnstep $(DESTDIR)$(MANDIR)/man1/nnstep.1 $(DESTDIR)$(MANDIR)/man5/nnstep-lesson.5
	rm -f $(DESTDIR)$(PREFIX)/share/bash-completion/completions/nnstep
	rm -rf $(DESTDIR)$(SHAREDIR)
	rm -f $(POS:po/%.po=$(DESTDIR)$(LOCALEDIR)/%/LC_MESSAGES/nnstep.mo)

clean:
	rm -rf build build-san build-fuzz nnstep
	@$(MAKE) --no-print-directory -C bench clean 2>/dev/null || true

.PHONY: all deps deps-test run test unit bench fuzz lint pot install uninstall clean

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
