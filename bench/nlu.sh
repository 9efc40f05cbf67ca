#!/usr/bin/env bash
# Measures the NLU: training time, cached start-up in a fresh JVM, single-thread throughput.
# Usage: bench/nlu.sh [nluDir [heldOutDir]]   (defaults: conversations/nlu src/test/resources/nlu/heldout)
# The machine should be otherwise idle: every figure is per core and sensitive to other load.
set -euo pipefail
cd "$(dirname "$0")/.."
args="${*:-conversations/nlu src/test/resources/nlu/heldout}"
exec ./mvnw -q test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
  -Dexec.classpathScope=test \
  -Dexec.mainClass=dev.rapport.bench.NluBench \
  -Dexec.args="$args"
