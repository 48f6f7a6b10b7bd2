#!/usr/bin/env bash
# The employer page benchmark, on demand only (never in mvn verify). In one JVM, on an embedded Derby database under a
# temporary folder made by the real migrations, with the real offers service and the real employers service, it
# times the employer page of an establishment with 50 offers (as a France Travail agent and as a counsellor) against
# a single offer lookup, in the same run: see bench/EmployersBench.java and bundles/fr.opus.employers.impl/README.md.
#
# Usage: bench/employers.sh   (build first: mvn -B -DskipTests install, or at least the bundles it names below)
# Environment:
#   OPUS_BENCH_OTHERS    offers of other employers fed first (default 20000)
#   OPUS_BENCH_READS     measured reads per kind (default 20000), in OPUS_BENCH_ROUNDS alternating rounds (10)
#   MAVEN_REPO           the local Maven repository holding the third-party jars (default ~/.m2/repository)
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
m2=${MAVEN_REPO:-$HOME/.m2/repository}
prop() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" pom.xml | head -1; }
jar() { # group path, artifact, version
  local f="$m2/$1/$2/$3/$2-$3.jar"
  [ -f "$f" ] || { echo "missing $f: build Opus once online" >&2; exit 1; }
  printf '%s:' "$f"
}
cp=""
for b in platform.api referentials.api offers.api offers.impl accounts.api contacts.api employers.api employers.impl; do
  [ -d "bundles/fr.opus.$b/target/classes" ] || { echo "build bundles/fr.opus.$b first" >&2; exit 1; }
  cp+="bundles/fr.opus.$b/target/classes:"
done
cp+=$(jar com/fasterxml/jackson/core jackson-databind "$(prop jackson.version)")
cp+=$(jar com/fasterxml/jackson/core jackson-core "$(prop jackson.version)")
cp+=$(jar com/fasterxml/jackson/core jackson-annotations "$(prop jackson.annotations.version)")
cp+=$(jar com/fasterxml/jackson/datatype jackson-datatype-jsr310 "$(prop jackson.version)")
cp+=$(jar org/apache/lucene lucene-core "$(prop lucene.version)")
cp+=$(jar org/apache/lucene lucene-analysis-common "$(prop lucene.version)")
cp+=$(jar org/apache/derby derby "$(prop derby.version)")
cp+=$(jar org/flywaydb flyway-core "$(prop flyway.version)")
cp+=$(jar org/slf4j slf4j-api "$(prop slf4j.version)")
cp+=$(jar org/slf4j slf4j-nop "$(prop slf4j.version)" 2>/dev/null || true)
java -cp "$cp" bench/EmployersBench.java "$work/data" "${OPUS_BENCH_OTHERS:-20000}" "${OPUS_BENCH_READS:-20000}" \
  "${OPUS_BENCH_ROUNDS:-10}"
