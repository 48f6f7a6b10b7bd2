#!/usr/bin/env bash
# The preselection benchmark, on demand only (never in mvn verify). In one JVM, on embedded Derby databases on disk
# under bundles/fr.opus.preselection.impl/target/preselection-bench, made by the real db/offers, db/contacts and
# db/preselection migrations, with the real offers service, the real ContactsManager as Referrals and the real
# PreselectionManager; in the same run, alternating rounds, medians:
#   1. the candidacy cycle (propose with two prerequisites checked + review transmitting + feedback hired) per
#      second at 1 and 2 threads, against core alone doing the same acts (Referrals.create without sending + move to
#      SENT + move to HIRED): throughput, p50/p99 latency, each step's p50, and their ratios;
#   2. an offer's preselection with 50 candidacies (preselection + candidacies) against one candidacy read;
#   3. Preselections.indicators on OPUS_BENCH_CANDIDACIES candidacies bulk-loaded over twelve months (200 partners,
#      5,000 offers), for a month and for the year, all partners and the largest one, against SELECT COUNT(*) of the
#      same period, and against the same figures computed by one SQL aggregate (checked equal).
# See bench/PreselectionBench.java for what is faked and how the data are spread; the figures are recorded in
# bundles/fr.opus.preselection.impl/README.md ("Measured").
#
# Usage: bench/preselection.sh   (build first: mvn -B -DskipTests install, or at least the bundles it names below)
# Environment:
#   OPUS_BENCH_CANDIDACIES  candidacies loaded for the indicators (default 100000; 0 skips part 3)
#   OPUS_BENCH_CYCLES       measured cycles per kind and thread count (default 1000; 0 skips part 1)
#   OPUS_BENCH_ROUNDS       alternating rounds of cycles after a warm-up round (default 4)
#   OPUS_BENCH_READS        measured reads per kind in part 2 (default 2000; 0 skips it)
#   OPUS_BENCH_REPS         measured repetitions of each indicator query after a warm-up (default 5; median)
#   OPUS_BENCH_THREADS      thread counts for the cycles, comma-separated (default 1,2)
#   MAVEN_REPO              the local Maven repository holding the third-party jars (default ~/.m2/repository)
# The databases stay in the work folder until the next run (or mvn clean).
set -euo pipefail
cd "$(dirname "$0")/.."
work=bundles/fr.opus.preselection.impl/target/preselection-bench
m2=${MAVEN_REPO:-$HOME/.m2/repository}
prop() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" pom.xml | head -1; }
jar() { # group path, artifact, version
  local f="$m2/$1/$2/$3/$2-$3.jar"
  [ -f "$f" ] || { echo "missing $f: build Opus once online" >&2; exit 1; }
  printf '%s:' "$f"
}
cp=""
for b in platform.api referentials.api offers.api offers.impl accounts.api contacts.api contacts.impl \
    preselection.api preselection.impl; do
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
mkdir -p "$work"
java -Xmx2g -Dderby.storage.pageCacheSize=40000 -cp "$cp" bench/PreselectionBench.java "$work" \
  "${OPUS_BENCH_CANDIDACIES:-100000}" "${OPUS_BENCH_CYCLES:-1000}" "${OPUS_BENCH_ROUNDS:-4}" \
  "${OPUS_BENCH_READS:-2000}" "${OPUS_BENCH_REPS:-5}" "${OPUS_BENCH_THREADS:-1,2}"
