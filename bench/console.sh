#!/usr/bin/env bash
# Staff console live latency: a customer's webhook message -> its event on the console's stream.
#
#   bench/console.sh [messages]      (default 200; prints p50/p90/p99/max)
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -q test-compile
if [[ ! -s target/bench-classpath.txt || pom.xml -nt target/bench-classpath.txt ]]; then
  ./mvnw -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
fi

exec java -Xmx1g -Dsun.net.httpserver.nodelay=true \
  -Dlogback.configurationFile=bench/logback-bench.xml \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  dev.rapport.bench.ConsoleLatencyBench "$@"
