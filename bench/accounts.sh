#!/usr/bin/env bash
# The authentication benchmark (issue 4), on demand only (never in mvn verify). Unpacks the built distribution into a
# temporary folder, starts it as a process on its own ports with a first operator whose password this script picks,
# then runs bench/AccountsBench.java against it over HTTP on loopback:
#   1. logins: POST /api/v1/session with the operator's password (one Argon2id hash at the configured cost), the
#      same with an unknown login (the decoy hash), the client-credentials token request (the client secret's
#      Argon2id hash), next to a token request refused before any hash (the cost of a POST through the same stack);
#      then the first and second request made with each new token (token cache miss, then hit);
#   2. token check per request: one cheap authenticated GET (/api/v1/conventions/services, an in-memory list) with
#      a bearer token, with HTTP Basic (remembered 5 minutes), with no credentials (the same path answering 401
#      before any credential is looked at), with an unknown token, and the public /api/v1/health;
#   3. the JDK work of a cached check (SHA-256 or HMAC, a map lookup) timed alone, as HTTP cannot resolve it.
# 1 and 2 each with a warm-up, at every client thread count asked, in rounds that alternate the kinds so that drift
# of a shared machine falls on all of them. It prints percentiles, throughput and ratios, and writes them as TSV.
#
# Usage: bench/accounts.sh [path/to/opus-karaf-assembly-*.tar.gz]   (build it first: mvn -B -DskipTests install)
# Environment:
#   OPUS_BENCH_PORT      HTTP port (default 18281; SSH gets the next one)
#   OPUS_BENCH_THREADS   client thread counts, comma-separated (default 1,4): 1 gives latency without queueing,
#                        more gives throughput on a loaded server
#   OPUS_BENCH_LOGINS    measured logins per kind and thread count (default 200)
#   OPUS_BENCH_REQUESTS  measured GETs per kind and thread count (default 20000)
#   OPUS_BENCH_WARMUP    GETs sent before measuring, not kept (default 40000; logins warm up on 40 of each kind)
#   OPUS_BENCH_RESULTS   the TSV written (default bench/accounts-results.tsv)
set -euo pipefail
cd "$(dirname "$0")/.."
archive=${1:-$(ls karaf-assembly/target/opus-karaf-assembly-*.tar.gz)}
port=${OPUS_BENCH_PORT:-18281}
results=${OPUS_BENCH_RESULTS:-bench/accounts-results.tsv}
work=$(mktemp -d)
pid=
stop() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    while kill -0 "$pid" 2>/dev/null; do sleep 0.5; done
  fi
}
trap 'stop; rm -rf "$work"' EXIT
tar xzf "$archive" -C "$work"
home=$(ls -d "$work"/opus-karaf-assembly-*)
sed -i "s/^org.osgi.service.http.port *=.*/org.osgi.service.http.port = $port/" "$home/etc/org.ops4j.pax.web.cfg"
sed -i "s/^sshPort *=.*/sshPort = $((port + 1))/" "$home/etc/org.apache.karaf.shell.cfg"
base="http://localhost:$port"
classpath=$(find "$home/system/com/fasterxml/jackson/core" -name '*.jar' | tr '\n' ':')

# the first operator, made at first boot from the environment; a fresh password each run, meeting the policy
export OPUS_OPERATOR_LOGIN=operateur
OPUS_OPERATOR_PASSWORD="Banc-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')-Opus!"
export OPUS_OPERATOR_PASSWORD

echo "Starting Opus in $home on port $port"
(cd "$home" && setsid nohup bin/karaf server > "$work/console.log" 2>&1 &)
started=$(date +%s)
until [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/api/v1/health")" = 200 ]; do
  if (( $(date +%s) - started > 180 )); then echo "Opus did not answer on $base within 180 s" >&2; exit 1; fi
  sleep 1
done
pid=$(pgrep -f "karaf.base=$home" | head -1)
echo "  health 200 after $(( $(date +%s) - started )) s (pid $pid)"
cost=$(grep -h '^argon2' "$home/etc/fr.opus.accounts.cfg" 2>/dev/null | tr '\n' ' ' || true)
echo "  Argon2id cost: ${cost:-the defaults of AccountsConfig (argon2MemoryKiB=19456 argon2Iterations=2)}"

java -cp "$classpath" bench/AccountsBench.java "$base" "$results" "${OPUS_BENCH_LOGINS:-200}" \
  "${OPUS_BENCH_REQUESTS:-20000}" "${OPUS_BENCH_THREADS:-1,4}" "${OPUS_BENCH_WARMUP:-40000}" \
  "${cost:-argon2MemoryKiB=19456 argon2Iterations=2}"
