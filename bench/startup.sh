#!/usr/bin/env bash
# Measures the Opus distribution's start: time to the first 200 on /api/v1/health, time until reference data is
# served, resident memory after start; then a second start on the same data. On demand only (never in mvn verify).
# Usage: bench/startup.sh [path/to/opus-karaf-assembly-*.tar.gz]   (build it first: mvn -B -DskipTests install)
set -euo pipefail
cd "$(dirname "$0")/.."
archive=${1:-$(ls karaf-assembly/target/opus-karaf-assembly-*.tar.gz)}
port=${OPUS_BENCH_PORT:-18181}
work=$(mktemp -d)
trap 'pkill -f "karaf.base=$work" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
tar xzf "$archive" -C "$work"
home=$(ls -d "$work"/opus-karaf-assembly-*)
sed -i "s/^org.osgi.service.http.port *=.*/org.osgi.service.http.port = $port/" "$home/etc/org.ops4j.pax.web.cfg"
sed -i "s/^sshPort *=.*/sshPort = $((port + 1))/" "$home/etc/org.apache.karaf.shell.cfg"

now() { date +%s.%N; }
wait_for() { # url deadline-seconds -> prints seconds since $start
  local url=$1 limit=$2
  while true; do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "$url")" = 200 ]; then echo "$(now) - $start" | bc; return; fi
    if (( $(echo "$(now) - $start > $limit" | bc) )); then echo "timeout"; return 1; fi
    sleep 0.1
  done
}

for run in first second; do
  start=$(now)
  (cd "$home" && setsid nohup bin/karaf server > "$work/console-$run.log" 2>&1 &)
  health=$(wait_for "http://localhost:$port/api/v1/health" 120)
  regions=$(wait_for "http://localhost:$port/partenaire/offresdemploi/v2/referentiel/regions" 180)
  sleep 5
  pid=$(pgrep -f "karaf.base=$home" | head -1)
  rss=$(( $(awk '/VmRSS/ {print $2}' "/proc/$pid/status") / 1024 ))
  printf '%s start: health 200 after %.1f s, referentials served after %.1f s, RSS %d MiB\n' \
    "$run" "$health" "$regions" "$rss"
  kill "$pid"; while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
done
