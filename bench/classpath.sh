# Sourced by the bench scripts from the project folder: compiles the code and the tests, and sets
# BENCH_CP to the classpath a bench's JVM runs with (the dependency list is rebuilt when pom.xml changes).
./mvnw -q test-compile
if [[ ! -s target/bench-classpath.txt || pom.xml -nt target/bench-classpath.txt ]]; then
  ./mvnw -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
fi
BENCH_CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
