# Two commands on a fresh machine (only Python 3.11+ and make needed):
#   make demo   set up .venv and run the main job on data/ (embedded store, no server)
#   make test   set up .venv with the test extras (+ Chromium, Jupyter kernel) and run the tests
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: demo test setup setup-test chromium kernel bench eval train clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.core: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[test]'
	touch $(VENV)/.core $@

setup: $(VENV)/.core
setup-test: $(VENV)/.test chromium kernel

demo: $(VENV)/.core
	$(BIN)/graphkit demo

test: setup-test
	$(BIN)/pytest

# Debian's headless Chromium for the browser tests (skipped when absent).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "chromium not installed (needs root and apt-get): browser tests will be skipped"; fi; }

# Jupyter kernel inside the venv, used by the notebook tests.
kernel: $(VENV)/.test
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (graphkit)" >/dev/null

bench: $(VENV)/.test
	$(BIN)/python benchmarks/extraction.py
	$(BIN)/python benchmarks/store.py
	$(BIN)/python benchmarks/viz.py

eval: $(VENV)/.core
	$(BIN)/graphkit eval --format gold ../shared/eval/seed/*.gold.json
	$(BIN)/graphkit eval --format polnear ../shared/eval/polnear/dev

# Retrain the shipped English models from PolNeAR train (../shared/eval/polnear/train;
# dev is only for measuring). torch (CPU) is needed for the neural tagger only.
train: $(VENV)/.test
	$(BIN)/pip install -q -e '.[train]'
	$(BIN)/python scripts/train_tagger.py --train ../shared/eval/polnear/train
	$(BIN)/python scripts/train_neural.py --train ../shared/eval/polnear/train --no-extra-vocab --threads 1 \
	  --epochs 22 --seed 13 --out graphkit/models/en-attribution-neural.npz
	$(BIN)/python scripts/train_neural.py --train ../shared/eval/polnear/train --no-extra-vocab --threads 1 \
	  --epochs 22 --seed 29 --out graphkit/models/en-attribution-neural-2.npz
	$(BIN)/python scripts/train_neural.py --train ../shared/eval/polnear/train --no-extra-vocab --threads 1 \
	  --epochs 22 --seed 41 --out graphkit/models/en-attribution-neural-3.npz
	$(BIN)/python scripts/train_neural.py --train ../shared/eval/polnear/train --no-extra-vocab --threads 1 \
	  --epochs 22 --seed 53 --out graphkit/models/en-attribution-neural-4.npz

clean:
	rm -rf out graphkit-store .pytest_cache
