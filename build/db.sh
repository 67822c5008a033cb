#!/usr/bin/env bash
# Private PostgreSQL for development and tests on 127.0.0.1 (ADR 0004), started with pg_ctl. Idempotent.
# As root the cluster lives in a folder the postgres user owns, keyed by this clone's path
# (/var/lib/postgresql/marketplace/<key>/pg-<port>), so it works wherever the clone is: root's home, a 0700 folder,
# a path with spaces, a read-only parent. As another user it lives in the clone's git-ignored .data folder.
# When MARKETPLACE_DB is set, that server is used instead: start only checks that it answers.
# A failure prints one line on stderr and exits non-zero; the details are in the cluster's log.
#   build/db.sh start|stop|status|psql|reset|remove|url|where
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
PORT="${MARKETPLACE_DB_PORT:-55432}"
DB_USER=marketplace
DB_PASSWORD=marketplace
DB_NAME=marketplace

fail() { echo "db.sh: $*" >&2; exit 1; }

case "$PORT" in '' | *[!0-9]*) fail "MARKETPLACE_DB_PORT must be a port number, not '$PORT'." ;; esac

url() {
  echo "Host=127.0.0.1;Port=$PORT;Database=$DB_NAME;Username=$DB_USER;Password=$DB_PASSWORD;Include Error Detail=true"
}

# True when something accepts TCP connections on host:port.
answers() { timeout 3 bash -c ": </dev/tcp/$1/$2" >/dev/null 2>&1; }

# The Host and Port of an Npgsql connection string ("Host=h;Port=p;..."; keys in any case, port 5432 by default).
external_server() {
  local host="" port=5432 part key
  IFS=';' read -ra parts <<<"$MARKETPLACE_DB"
  for part in "${parts[@]}"; do
    key="$(echo "${part%%=*}" | tr -d ' ' | tr '[:upper:]' '[:lower:]')"
    case "$key" in
      host | server) host="${part#*=}" ;;
      port) port="${part#*=}" ;;
    esac
  done
  echo "${host%%,*} $port"
}

if [ -n "${MARKETPLACE_DB:-}" ]; then
  case "${1:-}" in
    url) echo "$MARKETPLACE_DB" ;;
    start | status)
      read -r host port <<<"$(external_server)"
      case "$host" in '' | /*) ;; *) answers "$host" "$port" || fail "MARKETPLACE_DB points at $host:$port, which does not answer; start that server or unset MARKETPLACE_DB." ;; esac
      [ "$1" = status ] && echo "using MARKETPLACE_DB ($host:$port)"
      [ "$1" = start ] && echo "$MARKETPLACE_DB"
      ;;
    *) echo "db.sh: MARKETPLACE_DB is set; using that server, nothing to do." >&2 ;;
  esac
  exit 0
fi

is_root() { [ "$(id -u)" -eq 0 ]; }

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true; }

# Where this clone's cluster lives. A cluster made under .data by an older db.sh is used where it is.
KEY="$(printf '%s' "$ROOT" | sha256sum | cut -c1-16)"
LEGACY_SOCKET=""
if [ -f "$ROOT/.data/pg-$PORT/PG_VERSION" ] && ! grep -q '^unix_socket_directories' "$ROOT/.data/pg-$PORT/postgresql.conf" 2>/dev/null; then
  STATE="$ROOT/.data"
  LEGACY_SOCKET="$ROOT/.data/pg-$PORT-socket"
elif ! is_root; then
  STATE="$ROOT/.data"
else
  STATE="$(getent passwd postgres 2>/dev/null | cut -d: -f6)"
  STATE="${STATE:-/var/lib/postgresql}/marketplace/$KEY"
fi
PGDATA="$STATE/pg-$PORT"
LOG="$STATE/pg-$PORT.log"

# Runs a PostgreSQL tool as the postgres user when root (the server refuses to run as root), from a folder that user can
# enter: initdb and pg_ctl fail when they cannot read the current directory (a clone in root's home).
as_pg() {
  if is_root; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

psql_admin() { PGPASSWORD=postgres "$(pg_bin)/psql" -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -qtAX -v ON_ERROR_STOP=1 "$@"; }

ensure_installed() {
  [ -n "$(pg_bin)" ] && [ -x "$(pg_bin)/initdb" ] && return 0
  is_root || fail "PostgreSQL is not installed and installing it needs root (apt-get install postgresql), or set MARKETPLACE_DB."
  echo "db.sh: installing PostgreSQL (Debian package)..." >&2
  export DEBIAN_FRONTEND=noninteractive
  { apt-get update -qq && apt-get install -y -qq postgresql; } >/tmp/marketplace-apt-postgresql.log 2>&1 \
    || fail "could not install PostgreSQL with apt-get (see /tmp/marketplace-apt-postgresql.log)."
  # Debian's package starts its own cluster on 5432; we use only our private one.
  (command -v service >/dev/null && service postgresql stop >/dev/null 2>&1) || true
}

running() {
  [ -f "$PGDATA/postmaster.pid" ] && as_pg "$(pg_bin)/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1
}

# The last error the server logged, for the one line a failure prints.
last_error() {
  local line
  line="$(grep -E 'FATAL|ERROR|PANIC|could not' "$LOG" 2>/dev/null | tail -n 1 | sed -E 's/^.*(FATAL|ERROR|PANIC|LOG): +//' || true)"
  echo "${line:-no error in the log}"
}

make_state_folder() {
  mkdir -p "$STATE"
  if is_root; then
    chown postgres:postgres "$STATE"
    # The shared parent (/var/lib/postgresql/marketplace) only: a legacy .data folder's parent is the clone itself.
    [ -n "$LEGACY_SOCKET" ] || [ "$STATE" = "$ROOT/.data" ] || chown postgres:postgres "$(dirname "$STATE")"
    chmod 700 "$STATE"
    printf '%s\n' "$ROOT" >"$STATE/clone-path"
  fi
}

init_cluster() {
  local bin="$1" pwfile="$STATE/initdb-password"
  as_pg mkdir -p "$PGDATA"
  printf 'postgres\n' >"$pwfile"
  is_root && chown postgres:postgres "$pwfile"
  if ! as_pg "$bin/initdb" -D "$PGDATA" -U postgres --pwfile="$pwfile" -A scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$LOG.initdb" 2>&1; then
    rm -f "$pwfile"
    as_pg rm -rf "$PGDATA"
    fail "initdb failed: $(grep -m1 -iE 'error|fatal|could not' "$LOG.initdb" || tail -n 1 "$LOG.initdb") (see $LOG.initdb)."
  fi
  rm -f "$pwfile" "$LOG.initdb"
  # Settings in the cluster's own file, not on pg_ctl's command line: pg_ctl hands that line to a shell, where a path
  # with spaces would split. No Unix socket (clients use TCP), so no socket folder has to be reachable.
  as_pg tee -a "$PGDATA/postgresql.conf" >/dev/null <<CONF
# Marketplace's private cluster: TCP on 127.0.0.1 only. Tuned for a small development and test machine; durability is
# not needed here.
port = $PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = ''
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 300
shared_buffers = 256MB
CONF
}

start() {
  ensure_installed
  local bin; bin="$(pg_bin)"
  make_state_folder
  exec 9>"$STATE/.lock"
  flock -w 120 9 || fail "another db.sh holds $STATE/.lock."
  if ! running; then
    if answers 127.0.0.1 "$PORT"; then
      fail "port $PORT on 127.0.0.1 is taken by another server; set MARKETPLACE_DB_PORT to a free port (or MARKETPLACE_DB to use that server)."
    fi
    [ -f "$PGDATA/PG_VERSION" ] || init_cluster "$bin"
    local options="-p $PORT -c listen_addresses=127.0.0.1"
    if [ -n "$LEGACY_SOCKET" ]; then
      mkdir -p "$LEGACY_SOCKET"
      options="$options -k '$LEGACY_SOCKET'"
    fi
    as_pg touch "$LOG"
    if ! as_pg "$bin/pg_ctl" -D "$PGDATA" -l "$LOG" -w -t 60 -o "$options" start >/dev/null 2>&1 9>&-; then
      fail "PostgreSQL could not start on 127.0.0.1:$PORT: $(last_error) (log: $LOG)."
    fi
  fi
  # The application role and database, created once.
  psql_admin >/dev/null 2>"$LOG.setup" <<SQL || fail "could not create the $DB_USER role: $(head -n 1 "$LOG.setup")"
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$DB_USER') THEN
    CREATE ROLE $DB_USER LOGIN PASSWORD '$DB_PASSWORD' CREATEDB;
  END IF;
END \$\$;
-- Tests drop their databases WITH (FORCE), which terminates the connections still open on them.
GRANT pg_signal_backend TO $DB_USER;
SQL
  if ! psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'" 2>>"$LOG.setup" | grep -q 1; then
    psql_admin -c "CREATE DATABASE $DB_NAME OWNER $DB_USER" >/dev/null 2>>"$LOG.setup" \
      || fail "could not create the $DB_NAME database: $(tail -n 1 "$LOG.setup")"
  fi
  rm -f "$LOG.setup"
  echo "PostgreSQL is running on 127.0.0.1:$PORT (data: $PGDATA)" >&2
  url
}

stop() {
  if [ -n "$(pg_bin)" ] && running; then
    as_pg "$(pg_bin)/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null 2>&1 || fail "could not stop PostgreSQL on port $PORT (log: $LOG)."
  fi
  echo "PostgreSQL on port $PORT is stopped." >&2
}

# Deletes this clone's cluster on this port (and, as root, its folder once no cluster is left in it).
remove() {
  stop
  rm -rf "$PGDATA" "$LOG" "$LOG.initdb" "$LOG.setup" "$STATE/pg-$PORT-socket"
  if is_root && [ -z "$LEGACY_SOCKET" ] && ! compgen -G "$STATE/pg-*" >/dev/null; then rm -rf "$STATE"; fi
  echo "PostgreSQL data for port $PORT is removed." >&2
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status)
    if [ -n "$(pg_bin)" ] && running; then echo "running on 127.0.0.1:$PORT (data: $PGDATA)"; url; else echo "stopped"; exit 3; fi ;;
  psql)
    shift
    PGPASSWORD="$DB_PASSWORD" "$(pg_bin)/psql" -h 127.0.0.1 -p "$PORT" -U "$DB_USER" -d "$DB_NAME" "$@" ;;
  reset)
    remove >/dev/null 2>&1 || true
    start ;;
  remove) remove ;;
  url) url ;;
  where) echo "$PGDATA" ;;
  *) echo "usage: build/db.sh start|stop|status|psql|reset|remove|url|where" >&2; exit 2 ;;
esac
