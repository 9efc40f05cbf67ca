#!/usr/bin/env bash
# Times the tier recomputation on a generated population (1,000,000 customers, 10,000,000 purchases
# by default) in an embedded PostgreSQL that flushes every commit.
# Usage: bench/tiers.sh [--customers=N] [--purchases=N] [--durable=false]
set -euo pipefail
cd "$(dirname "$0")/.."
exec ./mvnw -q test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
  -Dexec.classpathScope=test \
  -Dexec.mainClass=dev.rapport.bench.TiersBench \
  -Dexec.args="$*" \
  -Dlogback.configurationFile=bench/logback-bench.xml
