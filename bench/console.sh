#!/usr/bin/env bash
# Staff console live latency: a customer's webhook message -> its event on the console's stream.
#
#   bench/console.sh [messages]      (default 200; prints p50/p90/p99/max)
set -euo pipefail
cd "$(dirname "$0")/.."

source bench/classpath.sh

exec java -Xmx1g -Dsun.net.httpserver.nodelay=true \
  -Dlogback.configurationFile=bench/logback-bench.xml \
  -cp "$BENCH_CP" \
  dev.rapport.bench.ConsoleLatencyBench "$@"
