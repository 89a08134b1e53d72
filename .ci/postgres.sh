# Sourced by .ci/run: a throwaway Postgres cluster (Debian's postgresql, installed if missing) on a
# free port of 127.0.0.1, in a temporary folder, stopped and removed when the calling script exits,
# whether it passed or not. Exports SESSIONKIT_E2E_DATABASE_URL for the e2e suite.

# The newest installed server's binaries: a folder with only the client (psql) in it does not count.
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | while read -r dir; do [ -x "$dir/initdb" ] && echo "$dir"; done | tail -n 1; }

if [ -z "$(pg_bin)" ]; then
  echo "Installing PostgreSQL from Debian…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # Only the server binaries: no cluster of its own is created or started.
  mkdir -p /etc/postgresql-common
  echo 'create_main_cluster = false' > /etc/postgresql-common/createcluster.conf
  apt-get install -y -qq postgresql > /dev/null
fi
PG_BIN=$(pg_bin)

# initdb and postgres refuse to run as root: as root, the cluster belongs to the postgres user.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

PG_ROOT=$(mktemp -d /tmp/sessionkit-postgres.XXXXXX)
chmod 755 "$PG_ROOT"
if [ "$(id -u)" = 0 ]; then chown postgres: "$PG_ROOT"; fi
PG_PORT=$(node -e "const s = require('node:net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); })")

stop_postgres() {
  as_pg "$PG_BIN/pg_ctl" -D "$PG_ROOT/data" -m immediate stop > /dev/null 2>&1 || true
  rm -rf "$PG_ROOT"
}
trap stop_postgres EXIT
# Interrupted or killed (a CI job cancelled): exit, so the EXIT trap above still stops the server.
trap 'exit 130' INT
trap 'exit 143' TERM

as_pg "$PG_BIN/initdb" -D "$PG_ROOT/data" -U sessionkit --auth=trust --no-sync > "$PG_ROOT/initdb.log"
as_pg "$PG_BIN/pg_ctl" -D "$PG_ROOT/data" -l "$PG_ROOT/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -c port=$PG_PORT -c unix_socket_directories=$PG_ROOT -c fsync=off" start > /dev/null
"$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U sessionkit sessionkit_e2e
export SESSIONKIT_E2E_DATABASE_URL="postgres://sessionkit@127.0.0.1:$PG_PORT/sessionkit_e2e"
echo "Postgres $("$PG_BIN/postgres" --version | awk '{print $3}') for the e2e suite: $SESSIONKIT_E2E_DATABASE_URL"
