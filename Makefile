# Two commands on a fresh machine: `make serve` (the site) and `make test` (everything).
VENV    ?= .venv
PY      := $(VENV)/bin/python
STAMP   := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1
HOST    ?= 127.0.0.1:8000

.PHONY: serve build test test-fast system conformance bench fuzz check-seed clean

$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -e '.[test]'
	$(PY) -m compileall -q hooks/snipcheck >/dev/null  # bytecode, as a wheel install has: PYTHONDONTWRITEBYTECODE=1 would recompile every module on every run
	touch $(STAMP)

serve: $(STAMP)  ## serve the site with live reload on http://127.0.0.1:8000
	$(VENV)/bin/mkdocs serve --livereload -a $(HOST)

build: $(STAMP)  ## mkdocs build --strict: fails on any unexpected finding
	$(VENV)/bin/mkdocs build --strict

system:  ## Debian packages, dockerd and the stand-in base images the Docker and browser tests need
	bash tools/setup-system.sh

test: $(STAMP) system  ## the whole suite: unit, site build, serve, browser, Docker
	$(PY) -m pytest -q

test-fast: $(STAMP)  ## everything that needs neither Docker nor a browser
	$(PY) -m pytest -q -m "not docker and not browser"

conformance: $(STAMP)  ## peers' own test cases from ../shared/conformance
	$(PY) tools/conformance.py --min 95

bench: $(STAMP)  ## figures against the targets of issue #12 (valgrind counts the builds' instructions)
	command -v valgrind >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
	  apt-get install -y -qq --no-install-recommends valgrind >/dev/null; }
	$(PY) tools/bench.py

fuzz: $(STAMP)
	$(PY) tools/fuzz.py --examples 100000

check-seed: $(STAMP)
	-$(VENV)/bin/snipcheck check ../shared/seed/

clean:
	rm -rf site .pytest_cache .hypothesis
