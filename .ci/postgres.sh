#!/usr/bin/env bash
# postgres.sh start|stop - a throw-away PostgreSQL on 127.0.0.1 for the tests that prove the SQL runs on
# PostgreSQL (the shared store for several instances). Installs the Debian package when missing.
# 'start' prints JIT_TEST_POSTGRES_* assignments for the tests.
set -euo pipefail
DIR=${JIT_PG_DIR:-/tmp/jitgroups-ci-postgres}
PORT=${JIT_PG_PORT:-54329}
log() { echo "[postgres] $*" >&2; }

bin_dir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

case "${1:-}" in
  start)
    if [ -z "$(bin_dir)" ]; then
      log "installing postgresql"
      export DEBIAN_FRONTEND=noninteractive
      # never let the package start a cluster of its own
      made_policy=0
      if [ ! -e /usr/sbin/policy-rc.d ]; then printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod 755 /usr/sbin/policy-rc.d; made_policy=1; fi
      apt-get install -y -q --no-install-recommends postgresql >/tmp/jitgroups-pg-apt.log 2>&1 \
        || { apt-get update -q >>/tmp/jitgroups-pg-apt.log 2>&1; apt-get install -y -q --no-install-recommends postgresql >>/tmp/jitgroups-pg-apt.log 2>&1; }
      [ $made_policy = 1 ] && rm -f /usr/sbin/policy-rc.d
    fi
    BIN=$(bin_dir)
    RUNAS=()
    if [ "$(id -u)" = 0 ]; then RUNAS=(runuser -u postgres --); fi
    if [ ! -f "$DIR/PG_VERSION" ]; then
      mkdir -p "$DIR"; [ "$(id -u)" = 0 ] && chown postgres "$DIR"
      "${RUNAS[@]}" "$BIN/initdb" -D "$DIR" -U jitgroups --auth=trust >/dev/null
    fi
    if ! "${RUNAS[@]}" "$BIN/pg_ctl" -D "$DIR" status >/dev/null 2>&1; then
      "${RUNAS[@]}" "$BIN/pg_ctl" -D "$DIR" -w -l "$DIR/server.log" \
        -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off" start >/dev/null
    fi
    "${RUNAS[@]}" "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U jitgroups -d postgres -tAc \
      "SELECT 1 FROM pg_database WHERE datname = 'jitgroups'" | grep -q 1 \
      || "${RUNAS[@]}" "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U jitgroups jitgroups
    log "running on 127.0.0.1:$PORT"
    echo "JIT_TEST_POSTGRES_URL=jdbc:postgresql://127.0.0.1:$PORT/jitgroups"
    echo "JIT_TEST_POSTGRES_USER=jitgroups"
    ;;
  stop)
    BIN=$(bin_dir)
    if [ -n "$BIN" ] && [ -f "$DIR/PG_VERSION" ]; then
      if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$BIN/pg_ctl" -D "$DIR" -m fast stop >/dev/null 2>&1 || true
      else "$BIN/pg_ctl" -D "$DIR" -m fast stop >/dev/null 2>&1 || true; fi
    fi
    ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
