#!/usr/bin/env bash
# An offer campaign at Telegram's limits, shortened: plans every customer, sends for --duration
# seconds against a fake Bot API that enforces the limits, with a live customer writing meanwhile.
# Prints texts/s, 429s, heap before/after and the live customer's reply latency.
#
#   bench/campaign.sh [--customers=100000] [--duration=90] [--rate=30] [--backlog=12000] [--prefill=10000] [--live-every=3]
#
# Extra JVM options: BENCH_JAVA_OPTS.
set -euo pipefail
cd "$(dirname "$0")/.."

source bench/classpath.sh

exec java -Xms256m -Xmx512m -XX:+UseG1GC \
  -Dsun.net.httpserver.nodelay=true \
  -Dlogback.configurationFile=bench/logback-bench.xml \
  ${BENCH_JAVA_OPTS:-} \
  -cp "$BENCH_CP" \
  dev.rapport.bench.CampaignBench "$@"
