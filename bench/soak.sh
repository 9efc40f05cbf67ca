#!/usr/bin/env bash
# Soak: mixed load (Telegram updates, web chat browsers opening, using and dropping event streams)
# for a long time; prints file descriptors, threads and heap at the start, middle and end.
#
#   bench/soak.sh [--duration=30m] [--browsers=40] [--chats=50] [--updates-per-second=20]
#
# Durations take s, m or h (90s, 30m, 2h). Extra JVM options: BENCH_JAVA_OPTS.
set -euo pipefail
cd "$(dirname "$0")/.."

source bench/classpath.sh

exec java -Xms256m -Xmx512m -XX:+UseG1GC \
  -Dsun.net.httpserver.nodelay=true \
  -Dlogback.configurationFile=bench/logback-bench.xml \
  ${BENCH_JAVA_OPTS:-} \
  -cp "$BENCH_CP" \
  dev.rapport.bench.SoakBench "$@"
