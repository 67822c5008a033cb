#!/usr/bin/env bash
# Private PostgreSQL for development and tests: a cluster under the repo's git-ignored .data folder,
# on 127.0.0.1, started with pg_ctl. Idempotent. When MARKETPLACE_DB is set, that server is used instead
# and this script does nothing.
#   build/db.sh start|stop|status|psql|reset|url
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PORT="${MARKETPLACE_DB_PORT:-55432}"
DATA_ROOT="${MARKETPLACE_DATA_DIR:-$ROOT/.data}"
PGDATA="$DATA_ROOT/pg-$PORT"
SOCKDIR="$DATA_ROOT/pg-$PORT-socket"
LOG="$DATA_ROOT/pg-$PORT.log"
DB_USER=marketplace
DB_PASSWORD=marketplace
DB_NAME=marketplace

url() {
  echo "Host=127.0.0.1;Port=$PORT;Database=$DB_NAME;Username=$DB_USER;Password=$DB_PASSWORD;Include Error Detail=true"
}

if [ -n "${MARKETPLACE_DB:-}" ]; then
  case "${1:-}" in
    url) echo "$MARKETPLACE_DB" ;;
    *) echo "db.sh: MARKETPLACE_DB is set; using that server, nothing to do." >&2 ;;
  esac
  exit 0
fi

pg_bin() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  echo "$dir"
}

ensure_installed() {
  if [ -z "$(pg_bin)" ] || [ ! -x "$(pg_bin)/initdb" ]; then
    echo "db.sh: installing PostgreSQL (Debian package)..." >&2
    if [ "$(id -u)" -ne 0 ]; then echo "db.sh: PostgreSQL is missing and installing it needs root." >&2; exit 1; fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq postgresql >/dev/null
    # Debian's package starts its own cluster on 5432; we use only our private one.
    (command -v service >/dev/null && service postgresql stop >/dev/null 2>&1) || true
  fi
}

as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

running() {
  [ -f "$PGDATA/postmaster.pid" ] && as_pg "$(pg_bin)/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1
}

start() {
  ensure_installed
  local bin; bin="$(pg_bin)"
  mkdir -p "$DATA_ROOT" "$SOCKDIR"
  if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$SOCKDIR"; chmod 755 "$DATA_ROOT"; fi
  if [ ! -f "$PGDATA/PG_VERSION" ]; then
    mkdir -p "$PGDATA"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$PGDATA"
    local pwfile; pwfile="$(mktemp)"; echo "postgres" > "$pwfile"; chmod 644 "$pwfile"
    as_pg "$bin/initdb" -D "$PGDATA" -U postgres --pwfile="$pwfile" -A scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
    rm -f "$pwfile"
    cat >> "$PGDATA/postgresql.conf" <<CONF
# Tuned for a small development and test machine; durability is not needed here.
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 300
shared_buffers = 256MB
CONF
  fi
  if [ "$(id -u)" -eq 0 ]; then touch "$LOG"; chown postgres:postgres "$LOG"; fi
  if ! running; then
    as_pg "$bin/pg_ctl" -D "$PGDATA" -l "$LOG" -w -t 60 \
      -o "-p $PORT -c listen_addresses=127.0.0.1 -k $SOCKDIR" start >/dev/null
  fi
  # The application role and database, created once.
  PGPASSWORD=postgres "$bin/psql" -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -qtAX -v ON_ERROR_STOP=1 <<SQL >/dev/null
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$DB_USER') THEN
    CREATE ROLE $DB_USER LOGIN PASSWORD '$DB_PASSWORD' CREATEDB;
  END IF;
END \$\$;
-- Tests drop their databases WITH (FORCE), which terminates the connections still open on them.
GRANT pg_signal_backend TO $DB_USER;
SQL
  if ! PGPASSWORD=postgres "$bin/psql" -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -qtAX \
       -c "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'" | grep -q 1; then
    PGPASSWORD=postgres "$bin/psql" -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -qtAX \
      -c "CREATE DATABASE $DB_NAME OWNER $DB_USER" >/dev/null
  fi
  echo "PostgreSQL is running on 127.0.0.1:$PORT (data: $PGDATA)" >&2
  url
}

stop() {
  if [ -n "$(pg_bin)" ] && running; then as_pg "$(pg_bin)/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null; fi
  echo "PostgreSQL on port $PORT is stopped." >&2
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status)
    if [ -n "$(pg_bin)" ] && running; then echo "running on 127.0.0.1:$PORT"; url; else echo "stopped"; exit 3; fi ;;
  psql)
    shift
    PGPASSWORD="$DB_PASSWORD" "$(pg_bin)/psql" -h 127.0.0.1 -p "$PORT" -U "$DB_USER" -d "$DB_NAME" "$@" ;;
  reset)
    stop >/dev/null 2>&1 || true
    rm -rf "$PGDATA" "$SOCKDIR" "$LOG"
    start ;;
  url) url ;;
  *) echo "usage: build/db.sh start|stop|status|psql|reset|url" >&2; exit 2 ;;
esac
