#!/usr/bin/env bash
# The Python tests: build the package (dev profile, fast to compile) into a
# venv, build the CLI the tests compare records with, run pytest (API, Dask
# LocalCluster; PySpark when pyspark and java are there; datatrove when
# installed). The README's second test command; .ci/run calls it.
#
#   python/test.sh [PYTEST ARGS...]
#
# Env: PYTHON (default python3, ≥ 3.9), UNCHROME_VENV (default target/py-venv).
set -euo pipefail
cd "$(dirname "$0")/.."

python=${PYTHON:-python3}
venv=${UNCHROME_VENV:-target/py-venv}
if [ ! -x "$venv/bin/python" ]; then
  "$python" -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r python/requirements-test.txt

wheels=target/py-wheels-dev
rm -rf "$wheels"
# `cd python`: maturin reads python/pyproject.toml; the build shares the
# workspace's target/ with cargo.
(cd python && "../$venv/bin/maturin" build --quiet --profile dev --out "../$wheels")
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps "$wheels"/unchrome-*.whl

cargo build --quiet --bin unchrome
export UNCHROME_BIN="$PWD/target/debug/unchrome"
# pytest is run from the repository root (not python/), so `import unchrome`
# finds the installed wheel, not the source folder without its native module.
"$venv/bin/pytest" -q python/tests "$@"
