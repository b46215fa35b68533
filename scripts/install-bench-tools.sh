#!/usr/bin/env bash
# Installs from Debian's packages what the benchmarks (bench/, never part of `npm test`) execute:
#   python3-igraph  bench/analytics.ts runs the same PageRank and Louvain with python-igraph on the
#                   same edge list in the same run and prints the time ratios
#
# Debian's module lives under Debian's interpreter, /usr/bin/python3 (a python3 earlier on PATH, e.g.
# pyenv's, does not see it); the bench uses that interpreter, or BENCH_PYTHON when set.
#
# Each tool is checked by running it; only what is missing is installed. Needs root (apt-get).
#   bash scripts/install-bench-tools.sh
set -euo pipefail

need=()
check() { # check PACKAGE COMMAND...: installs PACKAGE unless COMMAND runs
  local pkg="$1"
  shift
  "$@" >/dev/null 2>&1 || need+=("$pkg")
}
check python3 /usr/bin/python3 --version
check python3-igraph /usr/bin/python3 -c 'import igraph; igraph.Graph(2, [(0, 1)]).pagerank()'
if ((${#need[@]})); then
  echo "== apt-get install ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
/usr/bin/python3 -c 'import igraph; print("python-igraph", igraph.__version__)'
