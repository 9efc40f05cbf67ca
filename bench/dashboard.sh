#!/usr/bin/env bash
# Times every manager dashboard request (p50, p95, max) on a generated history: by default 1,000,000
# survey answers, 100,000 complaints and 1,000,000 messages for 200,000 customers over a year.
# Usage: bench/dashboard.sh [--customers=N] [--answers=N] [--complaints=N] [--messages=N] [--warmup=N] [--runs=N]
set -euo pipefail
cd "$(dirname "$0")/.."
exec ./mvnw -q test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
  -Dexec.classpathScope=test \
  -Dexec.mainClass=dev.rapport.bench.DashboardBench \
  -Dexec.args="$*" \
  -Dlogback.configurationFile=bench/logback-bench.xml
