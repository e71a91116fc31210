# Developer shortcuts.  CI runs .ci/run (the README's test command) instead.
PYTHON ?= python3
CC ?= cc
CFLAGS_STRICT = -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes
SAN = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

.PHONY: develop test ctest ctest-san eval bench regen check-generated clean fuzz tour

develop:            ## editable install (builds newstext/_core in place)
	$(PYTHON) -m pip install -e ".[test]"

test:               ## the README's test command
	$(PYTHON) -m pip install ".[test]" && $(PYTHON) -m pytest

ctest:              ## C unit tests, strict warnings
	@for t in tests/c/test_*.c; do \
	  $(CC) $(CFLAGS_STRICT) -O2 -Icsrc $$t csrc/*.c -lm -pthread -o /tmp/nt_$$(basename $$t .c) && /tmp/nt_$$(basename $$t .c) || exit 1; \
	done

ctest-san:          ## C unit tests under ASan + UBSan
	@for t in tests/c/test_*.c; do \
	  $(CC) $(CFLAGS_STRICT) -O1 -g $(SAN) -Icsrc $$t csrc/*.c -lm -pthread -o /tmp/nt_san_$$(basename $$t .c) && /tmp/nt_san_$$(basename $$t .c) || exit 1; \
	done

eval:               ## accuracy on ../shared/corpus/ud
	$(PYTHON) eval/ud.py
	$(PYTHON) eval/keywords.py
	$(PYTHON) eval/stem.py
	$(PYTHON) eval/clean.py

bench:              ## speed against the peers (pip install ".[bench]")
	$(PYTHON) benchmarks/bench_tokenize.py
	$(PYTHON) benchmarks/bench_keywords.py
	$(PYTHON) benchmarks/bench_clean.py
	$(PYTHON) benchmarks/bench_threads.py

regen:              ## regenerate the Unicode and lexicon tables
	$(PYTHON) tools/gen_unicode.py
	$(PYTHON) tools/gen_lexicons.py
	$(PYTHON) tools/gen_phrases.py

check-generated:
	$(PYTHON) tools/gen_unicode.py --check
	$(PYTHON) tools/gen_lexicons.py --check
	$(PYTHON) tools/gen_phrases.py --check

clean:
	rm -rf build dist *.egg-info newstext/*.so

# Fuzzing (issue 7): one libFuzzer target per C entry point (fuzz/fuzz_*.c,
# clang with -fsanitize=fuzzer,address,undefined) and the atheris harness for
# the Python module; FUZZ_TIME seconds each.  New corpus entries go to
# $(FUZZ_WORK)/<target>; crashes to $(FUZZ_WORK)/<target>-crash-*.
FUZZ_TIME ?= 300
FUZZ_WORK ?= /tmp/nt_fuzz
FUZZ_TARGETS = tokenize sentences clean dates keywords corpus quotes stem
FUZZ_CFLAGS = -std=c11 -Wall -Wextra -Werror -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all

.PHONY: fuzz fuzz-build fuzz-python fuzz-corpus

fuzz-build:         ## build every fuzz target into $(FUZZ_WORK)
	mkdir -p $(FUZZ_WORK)
	for t in $(FUZZ_TARGETS); do \
	  clang $(FUZZ_CFLAGS) -Icsrc fuzz/fuzz_$$t.c csrc/*.c -lm -o $(FUZZ_WORK)/fuzz_$$t || exit 1; \
	done

fuzz: fuzz-build    ## run every target for FUZZ_TIME seconds (default 300), then the Python harness
	for t in $(FUZZ_TARGETS); do \
	  mkdir -p $(FUZZ_WORK)/$$t && \
	  $(FUZZ_WORK)/fuzz_$$t -max_total_time=$(FUZZ_TIME) -max_len=8192 -timeout=20 -rss_limit_mb=4096 \
	    -print_final_stats=1 -artifact_prefix=$(FUZZ_WORK)/$$t- $(FUZZ_WORK)/$$t fuzz/corpus/$$t || exit 1; \
	done
	$(MAKE) fuzz-python

fuzz-python:        ## the atheris harness over the Python API (needs the built extension)
	mkdir -p $(FUZZ_WORK)/python
	$(PYTHON) fuzz/fuzz_python.py -max_total_time=$(FUZZ_TIME) -keep_seed=1 -max_len=8192 -timeout=20 \
	  -artifact_prefix=$(FUZZ_WORK)/python- $(FUZZ_WORK)/python fuzz/corpus/python

fuzz-corpus:        ## regenerate the seed corpora from the tests
	$(PYTHON) fuzz/make_corpus.py

tour:               ## execute examples/tour.ipynb in place (refreshes its committed outputs)
	$(PYTHON) tools/run_tour.py
