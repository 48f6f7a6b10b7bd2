#!/usr/bin/env bash
# The offers benchmark (issue 3), on demand only (never in mvn verify). Starts the distribution as a process with
# OPUS_BENCH_OFFERS (1,000,000) generated demo offers loaded through the feed, then runs bench/OffersBench.java:
#   1. over HTTP on loopback: a query mix (region + ROME, keywords, commune + distance, facets) for latency
#      percentiles and throughput, the feed's ingestion rate, the time from an acknowledged suspension to the offer's
#      disappearance from lookup and search;
#   2. once Opus is stopped, a plain-SQL baseline on the same Derby database: the same queries in SQL and the same
#      rows inserted with JDBC; then it prints every figure with its ratio to the baseline.
#
# Usage: bench/offers.sh [path/to/opus-karaf-assembly-*.tar.gz]   (build it first: mvn -B -DskipTests install)
# Environment:
#   OPUS_BENCH_HOME    keep the distribution (and its loaded offers) in this folder and reuse it on the next run;
#                      without it, a temporary folder is used and deleted at the end
#   OPUS_BENCH_OFFERS  offers to load (default 1000000); OPUS_BENCH_PORT  HTTP port (default 18181)
#   OPUS_BENCH_REQUESTS  measured requests per query kind (default 2000); OPUS_BENCH_THREADS  client threads (4)
#   OPUS_BENCH_WARMUP  searches sent before measuring (other queries than the measured ones), to let the JIT
#                      settle (default 60000)
set -euo pipefail
cd "$(dirname "$0")/.."
archive=${1:-$(ls karaf-assembly/target/opus-karaf-assembly-*.tar.gz)}
offers=${OPUS_BENCH_OFFERS:-1000000}
port=${OPUS_BENCH_PORT:-18181}
home=${OPUS_BENCH_HOME:-}
if [ -z "$home" ]; then
  home=$(mktemp -d)
  trap 'pkill -f "karaf.base=$home" >/dev/null 2>&1 || true; rm -rf "$home"' EXIT
else
  trap 'pkill -f "karaf.base=$home" >/dev/null 2>&1 || true' EXIT
fi
if [ ! -d "$home/etc" ]; then
  mkdir -p "$home"
  tar xzf "$archive" -C "$home" --strip-components=1
fi
home=$(cd "$home" && pwd)
sed -i "s/^org.osgi.service.http.port *=.*/org.osgi.service.http.port = $port/" "$home/etc/org.ops4j.pax.web.cfg"
sed -i "s/^sshPort *=.*/sshPort = $((port + 1))/" "$home/etc/org.apache.karaf.shell.cfg"
printf 'enabled=true\ncount=%s\n' "$offers" > "$home/etc/fr.opus.offers.demo.cfg"
base="http://localhost:$port"
results="$home/bench-results.tsv"
classpath=$(find "$home/system/org/apache/derby/derby" "$home/system/com/fasterxml/jackson/core" -name '*.jar' \
  | tr '\n' ':')

echo "Starting Opus in $home (loading up to $offers demo offers)"
(cd "$home" && setsid nohup bin/karaf server > "$home/bench-console.log" 2>&1 &)
until [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/api/v1/health")" = 200 ]; do sleep 1; done
# loaded and indexed (a new index format rebuilds the index from the database in the background)
indexed() { curl -s "$base/api/v1/offers/feed/status" | sed -n 's/.*"indexedOffers":\([0-9]*\).*/\1/p'; }
started=$(date +%s)
while true; do
  n=$(indexed)
  if [ -n "$n" ] && [ "$n" -ge "$offers" ]; then break; fi
  echo "  $(( $(date +%s) - started )) s: ${n:-?} offers indexed"
  sleep 30
done
grep -h "Demo offers:" "$home"/data/log/karaf.log* 2>/dev/null | tail -1 | sed 's/^.*| /  last load: /' || true

java -cp "$classpath" bench/OffersBench.java http "$base" "$results" "${OPUS_BENCH_REQUESTS:-2000}" \
  "${OPUS_BENCH_THREADS:-4}" search,ingest,suspension "${OPUS_BENCH_WARMUP:-60000}"

pid=$(pgrep -f "karaf.base=$home" | head -1)
kill "$pid"
while kill -0 "$pid" 2>/dev/null; do sleep 0.5; done
java -cp "$classpath" bench/OffersBench.java sql "$home/data/derby/opus" "$results"
