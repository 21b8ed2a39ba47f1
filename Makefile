# Two commands for a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
EXAMPLE := examples/iran-iraq-2014
DATA ?= ../shared/data

.PHONY: demo test lint bench clean browser

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	# pip 23's resolver trips over lxml's extras; a current pip does not.
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev,bench,dask]'
	touch $@

demo: $(VENV)/.installed
	mkdir -p out
	$(VENV)/bin/storybrief brief $(EXAMPLE) --format html -o out/brief.html
	$(VENV)/bin/storybrief brief $(EXAMPLE) --format json -o out/brief.json
	$(VENV)/bin/storybrief brief $(EXAMPLE)

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
	$(PY) bench/clustering.py $(DATA)/multinews-dev.jsonl $(DATA)/duc2004-dev.jsonl --briefs

clean:
	rm -rf $(VENV) out .pytest_cache .ruff_cache *.egg-info
