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

FUZZ_SECONDS ?= 600
fuzz:               ## libFuzzer + ASan + UBSan on the C core (clang); FUZZ_SECONDS=600
	clang -std=c11 -Wall -Wextra -Werror -g -O1 -fsanitize=fuzzer,address,undefined \
	  -Icsrc fuzz/fuzz_core.c csrc/*.c -lm -pthread -o /tmp/nt_fuzz_core
	mkdir -p /tmp/nt_fuzz_corpus
	/tmp/nt_fuzz_core -max_total_time=$(FUZZ_SECONDS) -max_len=8192 -timeout=10 \
	  -artifact_prefix=/tmp/nt_fuzz_ /tmp/nt_fuzz_corpus fuzz/corpus

tour:               ## execute examples/tour.ipynb in place (refreshes its committed outputs)
	$(PYTHON) tools/run_tour.py
