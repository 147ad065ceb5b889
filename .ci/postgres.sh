#!/usr/bin/env bash
# Starts or stops a throwaway PostgreSQL cluster for recoupe's store tests.
# It installs nothing: .ci/run installs Debian's `postgresql` first.
#
#   .ci/postgres.sh start DSNFILE   creates a cluster in a temporary directory,
#                                   owned by a non-root user, listening on
#                                   127.0.0.1 on a free port (and a socket in
#                                   that directory); prints the DSN and writes
#                                   it to DSNFILE. For speed the cluster runs
#                                   with synchronous_commit=off: a crash may lose
#                                   the last commits, never consistency (as
#                                   SQLite WAL with synchronous=NORMAL)
#   .ci/postgres.sh stop DSNFILE    stops that cluster and removes its directory
#
# Then: RECOUPE_TEST_POSTGRES=$(cat DSNFILE) go test ./internal/store/postgres/
set -euo pipefail

usage() { echo "usage: $0 start|stop DSNFILE" >&2; exit 2; }
[ $# -eq 2 ] || usage
action=$1 dsnfile=$2
statefile=$dsnfile.dir

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
	echo "postgres.sh: no PostgreSQL server in /usr/lib/postgresql (apt-get install -y postgresql)" >&2
	exit 1
fi

# as runs a command as the cluster's owner: PostgreSQL refuses to run as root.
as() {
	if [ "$(id -u)" -ne 0 ]; then
		"$@"
	else
		runuser -u postgres -- "$@"
	fi
}

free_port() {
	local p
	for p in $(seq 55432 55532); do
		if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
			echo "$p"
			return
		fi
	done
	echo "postgres.sh: no free port in 55432-55532" >&2
	exit 1
}

case $action in
start)
	dir=$(mktemp -d /tmp/recoupe-pg.XXXXXX)
	chmod 755 "$dir"
	if [ "$(id -u)" -eq 0 ]; then
		id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
		chown postgres: "$dir"
	fi
	echo "$dir" >"$statefile"
	as "$bindir/initdb" -D "$dir/data" -U recoupe -A trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 ||
		{ cat "$dir/initdb.log" >&2; exit 1; }
	port=$(free_port)
	as "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
		-o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200 -c synchronous_commit=off" start >/dev/null ||
		{ cat "$dir/server.log" >&2; exit 1; }
	as "$bindir/createdb" -h 127.0.0.1 -p "$port" -U recoupe recoupe
	dsn="postgres://recoupe@127.0.0.1:$port/recoupe?sslmode=disable"
	echo "$dsn" >"$dsnfile"
	echo "$dsn"
	;;
stop)
	[ -f "$statefile" ] || { echo "postgres.sh: no cluster recorded in $statefile" >&2; exit 1; }
	dir=$(cat "$statefile")
	case $dir in /tmp/recoupe-pg.*) ;; *) echo "postgres.sh: unexpected directory $dir" >&2; exit 1 ;; esac
	if [ -d "$dir/data" ]; then
		as "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
	fi
	rm -rf "$dir" "$statefile" "$dsnfile"
	;;
*)
	usage
	;;
esac
