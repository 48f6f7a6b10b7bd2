#!/usr/bin/env bash
# The contacts benchmark (issue 5), on demand only (never in mvn verify). In one JVM, on embedded Derby databases on
# disk under bundles/fr.opus.contacts.impl/target/contacts-bench, made by the real db/contacts migrations:
#   1. referrals created per second through the real ContactsManager (send=true: the notifications are queued in the
#      same transaction), at 1 and 2 threads, against JobSeekers.create (one insert and its audit row) in alternating
#      rounds of the same run: throughput, p50/p99 latency and their ratios;
#   2. IndicatorQueries.activity and .tripartite on OPUS_BENCH_REFERRALS acts bulk-loaded over twelve months, for a
#      month and for the year, all partners and the largest one, against SELECT COUNT(*) of the same period; first
#      with the indexes of V1-V3, then, if later migrations exist (V4__indicator_indexes.sql), after applying them.
# See bench/ContactsBench.java for what is faked and how the data are spread.
#
# Usage: bench/contacts.sh   (build first: mvn -B -DskipTests install, or at least the bundles it names below)
# Environment:
#   OPUS_BENCH_REFERRALS  acts loaded for the indicators (default 1000000; 0 skips part 2); 100000 for a quick check
#   OPUS_BENCH_CREATES    measured creations per kind and thread count (default 4000; 0 skips part 1)
#   OPUS_BENCH_ROUNDS     alternating rounds of creations after a warm-up round (default 4)
#   OPUS_BENCH_REPS       measured repetitions of each indicator query after a warm-up (default 3; median reported)
#   OPUS_BENCH_THREADS    thread counts for the creations, comma-separated (default 1,2)
#   MAVEN_REPO            the local Maven repository holding the third-party jars (default ~/.m2/repository)
# The databases stay in the work folder until the next run (or mvn clean); about 1 GB for a million acts.
set -euo pipefail
cd "$(dirname "$0")/.."
work=bundles/fr.opus.contacts.impl/target/contacts-bench
m2=${MAVEN_REPO:-$HOME/.m2/repository}
prop() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" pom.xml | head -1; }
jar() { # group path, artifact, version
  local f="$m2/$1/$2/$3/$2-$3.jar"
  [ -f "$f" ] || { echo "missing $f: build Opus once online" >&2; exit 1; }
  printf '%s:' "$f"
}
cp=""
for b in platform.api offers.api accounts.api contacts.api contacts.impl; do
  [ -d "bundles/fr.opus.$b/target/classes" ] || { echo "build bundles/fr.opus.$b first" >&2; exit 1; }
  cp+="bundles/fr.opus.$b/target/classes:"
done
cp+=$(jar com/fasterxml/jackson/core jackson-annotations "$(prop jackson.annotations.version)")
cp+=$(jar org/apache/derby derby "$(prop derby.version)")
cp+=$(jar org/flywaydb flyway-core "$(prop flyway.version)")
cp+=$(jar org/slf4j slf4j-api "$(prop slf4j.version)")
cp+=$(jar org/slf4j slf4j-nop "$(prop slf4j.version)" 2>/dev/null || true)
mkdir -p "$work"
java -Xmx2g -Dderby.storage.pageCacheSize=40000 -cp "$cp" bench/ContactsBench.java "$work" \
  "${OPUS_BENCH_REFERRALS:-1000000}" "${OPUS_BENCH_CREATES:-4000}" "${OPUS_BENCH_ROUNDS:-4}" \
  "${OPUS_BENCH_REPS:-3}" "${OPUS_BENCH_THREADS:-1,2}"
