#!/usr/bin/env bash
# Trains the NLU models with each OpenNLP algorithm and scores them on the held-out sets:
# the measurement behind Trainer.standard(). Takes a few minutes on two cores.
# Usage: bench/nlu-compare.sh [nluDir [heldOutDir]]
set -euo pipefail
cd "$(dirname "$0")/.."
args="${*:-conversations/nlu src/test/resources/nlu/heldout}"
exec ./mvnw -q test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
  -Dexec.classpathScope=test \
  -Dexec.mainClass=dev.rapport.nlu.TrainerComparison \
  -Dexec.args="$args"
