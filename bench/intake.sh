#!/usr/bin/env bash
# Webhook throughput: Rapport against a store-and-answer baseline and a naive bot (bench/naive, a JVM of
# its own) on one embedded PostgreSQL with one fake Bot API.
#
#   bench/intake.sh [--chats=1000] [--connections=32] [--warmup=15] [--duration=20] [--set KEY=VALUE ...]
#
# bench/intake.sh --help lists every option. Extra JVM options: BENCH_JAVA_OPTS, e.g.
# BENCH_JAVA_OPTS="-XX:StartFlightRecording=filename=target/bench.jfr" to record a profile.
set -euo pipefail
cd "$(dirname "$0")/.."

source bench/classpath.sh

if [[ ! -s target/naive-classpath.txt || bench/naive/pom.xml -nt target/naive-classpath.txt
      || -n "$(find bench/naive/src -newer target/naive-classpath.txt -print -quit)" ]]; then
  ./mvnw -q -f bench/naive/pom.xml compile dependency:build-classpath -Dmdep.outputFile=target/naive-deps.txt
  echo "$PWD/bench/naive/target/classes:$(cat bench/naive/target/naive-deps.txt)" > target/naive-classpath.txt
fi

export BENCH_COMMAND="bench/intake.sh $*"
exec java -Xms1g -Xmx1g -XX:+UseG1GC \
  -Dsun.net.httpserver.nodelay=true \
  -Dlogback.configurationFile=bench/logback-bench.xml \
  ${BENCH_JAVA_OPTS:-} \
  -cp "$BENCH_CP" \
  dev.rapport.bench.IntakeBench "$@"
