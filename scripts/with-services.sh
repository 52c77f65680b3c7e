#!/usr/bin/env bash
# Runs a command with real PostgreSQL and/or Redis servers on loopback, started here unless the
# caller already provides them:
#   scripts/with-services.sh postgres,redis -- <command…>
# Exports CONCORD_TEST_PG_URL and CONCORD_TEST_REDIS_URL for the command; stops what it started.
# PostgreSQL: a throw-away cluster (initdb) in a temp dir, trust auth, port 55432 (run as the
# `postgres` user when invoked as root). Redis: redis-server on port 56379, no persistence.
set -euo pipefail
services="$1"; shift
[ "${1:-}" = "--" ] && shift
tmp=$(mktemp -d /tmp/concord-services.XXXXXX)
chmod 755 "$tmp"
cleanup() {
  if [ -n "${pg_started:-}" ]; then as_pg "$pg_bin/pg_ctl" -D "$tmp/pg" -m immediate stop >/dev/null 2>&1 || true; fi
  if [ -n "${redis_started:-}" ]; then redis-cli -p "$redis_port" shutdown nosave >/dev/null 2>&1 || true; fi
  [ -n "${KEEP_SERVICES_TMP:-}" ] || rm -rf "$tmp"
}
trap cleanup EXIT

as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

if [[ "$services" == *postgres* && -z "${CONCORD_TEST_PG_URL:-}" ]]; then
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
  [ -x "$pg_bin/initdb" ] || { echo "PostgreSQL not installed (apt-get install postgresql)" >&2; exit 1; }
  pg_port=${CONCORD_PG_PORT:-55432}
  mkdir -p "$tmp/pg" "$tmp/pgsock"; if [ "$(id -u)" = 0 ]; then chown postgres "$tmp/pg" "$tmp/pgsock"; fi
  as_pg "$pg_bin/initdb" -D "$tmp/pg" -U postgres -A trust --no-sync >/dev/null
  as_pg "$pg_bin/pg_ctl" -D "$tmp/pg" -l "$tmp/pg/log" -w \
    -o "-p $pg_port -k $tmp/pgsock -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
  pg_started=1
  as_pg "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -qc 'create database concord_test' >/dev/null
  export CONCORD_TEST_PG_URL="postgres://postgres@127.0.0.1:$pg_port/concord_test"
  echo "PostgreSQL on $CONCORD_TEST_PG_URL" >&2
fi

if [[ "$services" == *redis* && -z "${CONCORD_TEST_REDIS_URL:-}" ]]; then
  command -v redis-server >/dev/null || { echo "redis-server not installed (apt-get install redis-server)" >&2; exit 1; }
  redis_port=${CONCORD_REDIS_PORT:-56379}
  redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
    --dir "$tmp" --logfile "$tmp/redis.log" --maxmemory-policy noeviction >/dev/null
  redis_started=1
  for _ in $(seq 50); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.1; done
  export CONCORD_TEST_REDIS_URL="redis://127.0.0.1:$redis_port"
  echo "Redis on $CONCORD_TEST_REDIS_URL" >&2
fi

"$@"
