#!/usr/bin/env bash
# The open datasets' cost (issue 23): the packaged jar started into an empty store and restarted, with the
# curated seed alone ("before": graph-seed/ without sources/) and with the datasets ("after"), in turn, so
# that both meet the same machine. Prints one line per start and writes target/sources-bench/starts.tsv.
#   bash scripts/sources-bench.sh [rounds]        (default 3; JAVA defaults to the newest JDK 25)
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${1:-3}
JAVA=${JAVA:-$(ls -d /usr/lib/jvm/*25*/bin/java 2>/dev/null | head -1)}
HEAP=${HEAP:--Xmx256m}
OUT=target/sources-bench
if [ "${SKIP_PACKAGE:-0}" != 1 ]; then ./mvnw -B -q -DskipTests package; fi
JAR=$(ls target/ai-landscape-graph-*.jar | grep -v original | head -1)
rm -rf "$OUT" && mkdir -p "$OUT"
cp -r graph-seed "$OUT/seed-after"
cp -r graph-seed "$OUT/seed-before" && rm -rf "$OUT/seed-before/sources"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# start <label> <seed-dir> <data-dir>: runs the service until ready, prints the figures, stops it.
start() {
  local label=$1 seed=$2 data=$3
  local port bolt log pid t0 ready rss idle nodes
  port=$(free_port); bolt=$(free_port); log=$OUT/$label.log
  t0=$(date +%s%N)
  "$JAVA" "$HEAP" -jar "$JAR" --server.port="$port" --landscape.embedded.data-dir="$data" \
    --landscape.embedded.bolt-port="$bolt" --landscape.seed.dir="$seed" --spring.main.banner-mode=off >"$log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/actuator/health/readiness"; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "$label: the service exited; see $log" >&2; return 1; fi
    sleep 0.05
  done
  ready=$(( ($(date +%s%N) - t0) / 1000000 ))
  rss=$(awk '/VmRSS/ {print int($2/1024)}' /proc/$pid/status)
  nodes=$(curl -s "http://127.0.0.1:$port/api/stats" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["totalNodes"], d["totalRelationships"])')
  span=$(curl -s "http://127.0.0.1:$port/api/overview/timeline" | python3 -c 'import json,sys; e=[x["date"] for x in json.load(sys.stdin)["events"]]; print(len(e), "events", min(e), "to", max(e))')
  sleep 5
  idle=$(awk '/VmRSS/ {print int($2/1024)}' /proc/$pid/status)
  kill -TERM "$pid"; wait "$pid" || true
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$label" "$nodes" "$ready" "$rss" "$idle" \
    "$(grep -o 'Seed loaded: .*; [0-9]* ms' "$log" | grep -o '[0-9]* ms$' || echo -)" \
    "$(grep -o 'Query warm-up: [0-9]* requests in [0-9]* ms' "$log" | grep -o '[0-9]* ms' || echo -)" "$span" \
    | tee -a "$OUT/starts.tsv"
}

printf 'start\tnodes relationships\tready ms\tRSS MB at ready\tRSS MB 5 s later\tseed load\twarm-up\ttimeline\n' | tee "$OUT/starts.tsv"
for round in $(seq 1 "$ROUNDS"); do
  for variant in before after; do
    data=$OUT/data-$variant-$round
    start "empty-store-$variant-$round" "$OUT/seed-$variant" "$data"
    start "restart-$variant-$round" "$OUT/seed-$variant" "$data"
    rm -rf "$data"
  done
done
