#!/usr/bin/env bash
# The webhooks benchmark, on demand only (never in mvn verify): deliveries per second from the event outbox to a
# receiver on loopback, next to raw HTTP POSTs of the same signed body without the outbox, in the same JVM and in
# alternating rounds; also the cost of publishing an event in its own committed transaction, and a fan-out to four
# subscriptions. Derby on disk under the bundle's target/, with its normal durability (a disk sync per commit).
# See bundles/fr.opus.platform.webhooks/src/test/java/fr/opus/platform/webhooks/WebhookDeliveryBench.java.
#
# Usage: bench/webhooks.sh   (build first: mvn -B -DskipTests install)
# Environment:
#   OPUS_BENCH_EVENTS   events per measure (default 2000)
#   OPUS_BENCH_ROUNDS   measured rounds after one warm-up round (default 5)
# Writes bundles/fr.opus.platform.webhooks/target/webhooks-bench.tsv.
set -euo pipefail
cd "$(dirname "$0")/../bundles/fr.opus.platform.webhooks"
mvn -o -q -B test -Dtest=WebhookDeliveryBench -Dsurefire.failIfNoSpecifiedTests=false -Dwebhooks.sync=true \
  -Dwebhooks.bench.events="${OPUS_BENCH_EVENTS:-2000}" -Dwebhooks.bench.rounds="${OPUS_BENCH_ROUNDS:-5}" \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn
echo "Figures also in $(pwd)/target/webhooks-bench.tsv"
