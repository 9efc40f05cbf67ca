#!/usr/bin/env bash
# Times every manager dashboard request (p50, p95, max) on a generated history: by default 1,000,000
# survey answers, 100,000 complaints and 1,000,000 messages for 200,000 customers over a year.
# Usage: bench/dashboard.sh [--customers=N] [--answers=N] [--complaints=N] [--messages=N] [--warmup=N] [--runs=N]
#                           [--database=JDBC_URL]   (measure again on a history kept from an earlier run)
set -euo pipefail
for arg in "$@"; do
  case "$arg" in
    -h|--help) sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    --customers=*|--answers=*|--complaints=*|--messages=*|--warmup=*|--runs=*|--database=*) ;;
    *) echo "bench/dashboard.sh: unknown option '$arg' (--help lists them)" >&2; exit 2 ;;
  esac
done
cd "$(dirname "$0")/.."
exec ./mvnw -q test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
  -Dexec.classpathScope=test \
  -Dexec.mainClass=dev.rapport.bench.DashboardBench \
  -Dexec.args="$*" \
  -Dlogback.configurationFile=bench/logback-bench.xml
