#!/usr/bin/env bash
# The load benchmark, one command:  bench/run.sh [--quick] [scenario ...]
#   scenarios: rooms plenary two-nodes storm redis-restart idle saturate profile (default: all of them)
#   --quick    short windows and 1,000 idle connections: checks the tool, not the figures
#   --report   only re-render docs/performance.md from bench/results/*.json
#   --rounds=N rooms, rooms-20s and plenary measure each target N times, interleaved, and report each one's median (default 3)
# Builds the server jar and the load tool (bench/load, a Maven project of its own), installs the Socket.IO
# target's modules (bench/socketio), then the tool starts redis-server, the server jar (and the bare
# baseline and the Socket.IO server) on 127.0.0.1, measures, stops everything it
# started and rewrites the "Load benchmark" section of docs/performance.md. Results per scenario are kept
# in bench/results/.
set -euo pipefail
cd "$(dirname "$0")/.."

# 10,000 idle connections need 10,000 descriptors in the tool and as many in the server (children inherit this).
hard=$(ulimit -Hn)
if [ "$hard" = unlimited ] || [ "$hard" -ge 65536 ]; then ulimit -n 65536; else ulimit -n "$hard"; fi
if [ "$(ulimit -n)" -lt 12000 ]; then
  echo "bench: only $(ulimit -n) file descriptors allowed; the idle scenario needs about 12,000" >&2
fi
# Every connection is 127.0.0.1 -> 127.0.0.1:port, so each takes an ephemeral port of the tool.
read -r lo hi < /proc/sys/net/ipv4/ip_local_port_range
if [ $((hi - lo)) -lt 25000 ]; then
  echo "bench: ephemeral port range $lo-$hi is small for 10,000 connections plus reconnects" >&2
fi

# -o where the caller asked for offline builds (BENCH_MVN_OPTS=-o), nothing otherwise.
mvn_opts=(-q -B ${BENCH_MVN_OPTS:-})
echo "bench: building the server and the load tool (mvn package -DskipTests) ..."
mvn "${mvn_opts[@]}" package -DskipTests
mvn "${mvn_opts[@]}" -f bench/load/pom.xml package -DskipTests

# The Socket.IO comparison target (bench/socketio) needs its modules, from the lock file; installed again only
# when the lock file is newer than the install. Without npm, or offline with an empty npm cache, the tool
# skips that target and says so; every other scenario and target still runs.
sio=bench/socketio
if [ -f "$sio/node_modules/.package-lock.json" ] && [ "$sio/node_modules/.package-lock.json" -nt "$sio/package-lock.json" ]; then
  echo "bench: $sio modules up to date"
elif command -v npm >/dev/null && npm ci --prefix "$sio" --prefer-offline --no-audit --no-fund --loglevel=error; then
  echo "bench: $sio modules installed (npm ci)"
else
  echo "bench: npm ci --prefix $sio failed or npm is missing: the socketio target will be skipped" >&2
fi

echo "bench: load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -Dbench.command="bench/run.sh $*" -jar bench/load/target/common-ground-load.jar "$@"
echo "bench: load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
