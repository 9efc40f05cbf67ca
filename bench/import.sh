#!/usr/bin/env bash
# Times the customer and purchase CSV imports on generated files (1,000,000 rows each by default),
# first import and re-import, and prints the peak heap (the files are streamed, not loaded).
# Usage: bench/import.sh [--rows=N] [--durable=false]      MAVEN_OPTS=-Xmx256m caps the heap.
set -euo pipefail
cd "$(dirname "$0")/.."
exec ./mvnw -q test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
  -Dexec.classpathScope=test \
  -Dexec.mainClass=dev.rapport.bench.ImportBench \
  -Dexec.args="$*" \
  -Dlogback.configurationFile=bench/logback-bench.xml
