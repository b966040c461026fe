#!/usr/bin/env bash
# Stop the test WordPress that start.sh started (its PHP server and its MariaDB); data stays in
# build/wordpress/ so that the next start is quick. Idempotent.
set -euo pipefail
STATE="$(cd "$(dirname "$0")/../.." && pwd)/build/wordpress"
for name in php mariadb; do
    pidfile="$STATE/$name.pid"
    if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
        pid="$(cat "$pidfile")"
        kill "$pid"
        for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    fi
    rm -f "$pidfile"
done
echo "wordpress: stopped"
