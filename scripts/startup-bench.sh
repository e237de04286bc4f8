#!/usr/bin/env bash
# Start-up of the packaged jar as a user runs it (issue 15): time from `java -jar` to readiness, with and
# without the JVM's AOT cache (and with flags that keep memory outside the heap small), into an empty store (real seed loaded) and on a restart over that store.
# Prints one line per start and writes target/startup/startup.tsv. Run on a quiet machine:
#   bash scripts/startup-bench.sh [rounds]        (default 3 rounds; JAVA defaults to the newest JDK 25)
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${1:-3}
JAVA=${JAVA:-$(ls -d /usr/lib/jvm/*25*/bin/java 2>/dev/null | head -1)}
HEAP=${HEAP:--Xmx256m}
OUT=target/startup
APP=$OUT/app
# The jar of this working tree; SKIP_PACKAGE=1 reuses target/'s when it is known to be current.
if [ "${SKIP_PACKAGE:-0}" != 1 ]; then ./mvnw -B -q -DskipTests package; fi
JAR=$(ls target/ai-landscape-graph-*.jar | grep -v original | head -1)
rm -rf "$OUT" && mkdir -p "$OUT"
"$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$APP" >/dev/null
RUNJAR=$APP/$(basename "$JAR")

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# start <label> <data-dir> [jvm flags...]: runs the service until ready, prints the figures, stops it.
start() {
  local label=$1 data=$2; shift 2
  local port bolt log pid t0 ready rss cpu idle
  port=$(free_port); bolt=$(free_port); log=$OUT/$label.log
  t0=$(date +%s%N)
  "$JAVA" "$@" "$HEAP" -jar "$RUNJAR" --server.port="$port" --landscape.embedded.data-dir="$data" \
    --landscape.embedded.bolt-port="$bolt" --spring.main.banner-mode=off >"$log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/actuator/health/readiness"; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "$label: the service exited; see $log" >&2; return 1; fi
    sleep 0.05
  done
  ready=$(( ($(date +%s%N) - t0) / 1000000 ))
  rss=$(awk '/VmRSS/ {print int($2/1024)}' /proc/$pid/status)
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14+$15)/hz}' /proc/$pid/stat)
  sleep 5
  idle=$(awk '/VmRSS/ {print int($2/1024)}' /proc/$pid/status)
  kill -TERM "$pid"; wait "$pid" || true
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$label" "$ready" "$cpu" "$rss" "$idle" \
    "$(grep -o 'Started LandscapeApplication in [0-9.]* seconds' "$log" | grep -o '[0-9.]*' || echo -)" \
    "$(grep -o 'Query warm-up: [0-9]* requests in [0-9]* ms' "$log" | grep -o '[0-9]* ms' || echo -)" \
    | tee -a "$OUT/startup.tsv"
}

# Training run: to ready (warm-up included), then SIGTERM; the JVM writes the cache as it exits.
train_data=$OUT/data-train
start training "$train_data" -XX:AOTCacheOutput="$APP/app.aot" >/dev/null
ls -l "$APP/app.aot" >&2
rm -rf "$train_data"

printf 'start\tready ms\tCPU s to ready\tRSS MB at ready\tRSS MB 5 s later\tSpring "Started" s\twarm-up\n' | tee "$OUT/startup.tsv"
for round in $(seq 1 "$ROUNDS"); do
  for variant in plain aot lean; do
    case $variant in
      plain) flags=() ;;
      aot) flags=(-XX:AOTCache="$APP/app.aot") ;;
      # Fewer bytes outside the heap: the serial collector's few structures, C1 only, a smaller code cache.
      lean) flags=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=64m) ;;
    esac
    data=$OUT/data-$variant-$round
    start "empty-store-$variant-$round" "$data" "${flags[@]}"
    start "restart-$variant-$round" "$data" "${flags[@]}"
    rm -rf "$data"
  done
done
