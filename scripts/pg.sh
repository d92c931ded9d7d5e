#!/usr/bin/env bash
# Throwaway PostgreSQL server for the test suite and CI.
#
#   bash scripts/pg.sh start DIR   # prints ONE line on stdout: the SQLAlchemy URL
#   bash scripts/pg.sh stop DIR    # fast shutdown, then removes DIR (safe if not running)
#
# Typical use:
#   export DATABASE_URL="$(bash scripts/pg.sh start "$tmp")"
#   trap 'bash scripts/pg.sh stop "$tmp"' EXIT
#
# Layout under DIR (everything lives in DIR/pg, owned by the server user):
#   DIR/pg/data          cluster data directory
#   DIR/pg/sock          unix socket directory (unless the path is too long, see below)
#   DIR/pg/postgres.log  server log
#   DIR/pg/port          TCP port the server listens on (127.0.0.1 only)
#   DIR/pg/sockdir       path of the unix socket directory actually used
#
# The server trusts every local connection (initdb --auth=trust) and has
# durability switched off: it is for tests only, never for real data.
set -euo pipefail

# Everything except the final URL goes to stderr, so that
# URL="$(pg.sh start DIR)" captures exactly one line. fd 3 is the real stdout.
exec 3>&1 1>&2
# Never wait for input (CI runs without a usable stdin).
exec </dev/null

ROLE=intervisie
ROLE_PASSWORD=intervisie
DATABASE=intervisie_test
PG_USER=postgres            # system user that runs the server when we are root
START_ATTEMPTS=5            # retries when the chosen port was taken meanwhile

# Don't let a caller's libpq/server environment (PGHOST, PGPORT, PGDATA,
# PGOPTIONS, ...) leak into the commands below; we pass everything explicitly.
while IFS= read -r _var; do unset "$_var"; done < <(compgen -e | grep '^PG' || true)
export DEBIAN_FRONTEND=noninteractive

prog=${0##*/}
log() { printf '%s: %s\n' "$prog" "$*" >&2; }
die() { log "error: $*"; exit 1; }
usage() {
    printf 'usage: %s start DIR | stop DIR\n' "$prog" >&2
    exit 2
}

is_root() { [[ $(id -u) -eq 0 ]]; }

# Quote arguments for a POSIX sh command line (used by the su fallback).
sh_quote() {
    local arg out=""
    for arg in "$@"; do
        out+="'${arg//\'/\'\\\'\'}' "
    done
    printf '%s' "$out"
}

# Run a command as the server user. initdb and postgres refuse to run as
# root (a superuser-owned server could be used to take over the machine), so
# as root we switch to $PG_USER; as an ordinary user we just run it ourselves.
# `cd /` first: the caller's cwd may not be readable by $PG_USER.
# `3>&-`: the real stdout (fd 3) must not leak into the postmaster, or
# $(pg.sh start DIR) would wait for the server to exit before returning.
as_pg() {
    if ! is_root; then
        "$@" 3>&-
    elif command -v runuser >/dev/null 2>&1; then
        (cd / && runuser -u "$PG_USER" -- "$@") 3>&-
    else
        (cd / && su "$PG_USER" -s /bin/sh -c "$(sh_quote "$@")") 3>&-
    fi
}

# Serialise machine-wide setup steps (useradd, apt-get) between parallel
# invocations; without flock we just run them and re-check afterwards.
with_lock() {
    if command -v flock >/dev/null 2>&1; then
        flock /tmp/pg.sh.setup.lock "$@"
    else
        "$@"
    fi
}

ensure_pg_user() {
    is_root || return 0
    id -u "$PG_USER" >/dev/null 2>&1 && return 0
    log "creating system user $PG_USER"
    with_lock sh -c 'id -u "$1" >/dev/null 2>&1 ||
        useradd --system --user-group --no-create-home --home-dir /nonexistent \
                --shell /bin/sh "$1"' sh "$PG_USER" ||
        id -u "$PG_USER" >/dev/null 2>&1 || die "could not create user $PG_USER"
}

# Locate initdb/pg_ctl/postgres: pg_config --bindir, then the highest
# /usr/lib/postgresql/*/bin, then PATH. Sets BINDIR.
find_bindir() {
    local dir
    BINDIR=""
    if command -v pg_config >/dev/null 2>&1; then
        # pg_config may come from libpq-dev without a server next to it.
        dir=$(pg_config --bindir 2>/dev/null || true)
        if [[ -n $dir && -x $dir/initdb && -x $dir/pg_ctl ]]; then
            BINDIR=$dir; return 0
        fi
    fi
    while IFS= read -r dir; do
        if [[ -x $dir/initdb && -x $dir/pg_ctl ]]; then
            BINDIR=$dir; return 0
        fi
    done < <(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -rV)
    if dir=$(command -v initdb 2>/dev/null); then
        dir=$(dirname "$(readlink -f "$dir")")
        if [[ -x $dir/pg_ctl ]]; then
            BINDIR=$dir; return 0
        fi
    fi
    return 1
}

install_postgres() {
    is_root || die "PostgreSQL server binaries (initdb) not found; install PostgreSQL or put initdb on PATH"
    command -v apt-get >/dev/null 2>&1 || die "initdb not found and apt-get is not available to install it"
    log "initdb not found; installing PostgreSQL with apt-get"
    with_lock sh -c 'apt-get update && apt-get install -y postgresql' ||
        die "apt-get install postgresql failed"
}

find_binaries() {
    if ! find_bindir; then
        install_postgres
        find_bindir || die "initdb still not found after installing postgresql"
    fi
    INITDB=$BINDIR/initdb
    PG_CTL=$BINDIR/pg_ctl
    if [[ -x $BINDIR/psql ]]; then
        PSQL=$BINDIR/psql
    else
        PSQL=$(command -v psql) || die "psql not found"
    fi
}

# Ask the OS for a free TCP port on 127.0.0.1. Another process may grab it
# before the server binds it; start_server() retries in that case.
free_port() {
    local py
    for py in python3 python; do
        if command -v "$py" >/dev/null 2>&1 &&
            "$py" -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()' 2>/dev/null; then
            return 0
        fi
    done
    # No Python: pick a random high port and rely on the retry loop.
    echo $((20000 + RANDOM % 40000))
}

# Resolve DIR to an absolute path (creating it when asked).
resolve_dir() {
    local dir=$1 create=$2
    [[ -n $dir ]] || usage
    if [[ $create == yes ]]; then
        mkdir -p -- "$dir"
    fi
    if [[ -d $dir ]]; then
        (cd -- "$dir" && pwd -P)
    else
        realpath -m -- "$dir"
    fi
}

# The server user must be able to traverse every ancestor of DIR (mktemp -d
# creates 0700 dirs, /root is 0700). Add o+x only where it is actually missing.
ensure_traversable() {
    local dir=$1
    is_root || return 0
    as_pg test -x "$dir" && return 0
    while [[ $dir != / ]]; do
        if ! as_pg test -x "$dir"; then
            log "chmod o+x $dir (so $PG_USER can reach the data directory)"
            chmod o+x "$dir"
        fi
        dir=$(dirname "$dir")
    done
    as_pg test -x "$1" || die "$PG_USER cannot access $1"
}

server_running() {  # $1 = data dir
    [[ -f $1/postmaster.pid ]] && as_pg "$PG_CTL" -D "$1" status >/dev/null 2>&1
}

# The postmaster PID from postmaster.pid, if the process still exists.
postmaster_pid() {
    local pid
    [[ -f $1/postmaster.pid ]] || return 1
    pid=$(head -n 1 "$1/postmaster.pid" 2>/dev/null || true)
    [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null || return 1
    # A stale pid file may name a recycled PID: only accept a postgres process.
    if [[ -r /proc/$pid/comm ]]; then
        grep -qE 'postgres|postmaster' "/proc/$pid/comm" || return 1
    fi
    echo "$pid"
}

cmd_start() {
    local dir base data sockdir logfile port locale attempt off conf
    dir=$(resolve_dir "${1:-}" yes)
    [[ $dir != / ]] || die "refusing to use / as DIR"
    base=$dir/pg
    data=$base/data
    logfile=$base/postgres.log

    ensure_pg_user
    find_binaries
    log "using PostgreSQL binaries in $BINDIR"

    if [[ -d $data ]] && server_running "$data"; then
        die "a server is already running in $data; run '$prog stop $dir' first"
    fi
    if [[ -f $base/sockdir ]]; then  # leftover /tmp socket dir of an old run
        case $(cat "$base/sockdir") in /tmp/pgsock.*) rm -rf -- "$(cat "$base/sockdir")" ;; esac
    fi
    rm -rf -- "$base"
    # DIR itself may belong to root; the server's own files go in a
    # subdirectory owned by the server user (initdb insists on owning PGDATA).
    mkdir -m 0700 -- "$base"
    if is_root; then chown "$PG_USER:" "$base"; fi
    ensure_traversable "$dir"

    # A unix socket path must fit in sun_path (107 bytes, including
    # "/.s.PGSQL.NNNNN"); with a deep DIR use a short directory under /tmp.
    sockdir=$base/sock
    if (( ${#sockdir} > 90 )); then
        sockdir=$(mktemp -d /tmp/pgsock.XXXXXX)
        log "DIR is too long for a unix socket path; socket goes in $sockdir"
    else
        mkdir -- "$sockdir"
    fi
    chmod 0700 "$sockdir"
    if is_root; then chown "$PG_USER:" "$sockdir"; fi
    printf '%s\n' "$sockdir" > "$base/sockdir"

    # On failure after this point: show the log, stop whatever came up.
    trap 'rc=$?; if (( rc != 0 )); then start_failed "$data" "$logfile" "$dir"; fi' EXIT

    locale=C.UTF-8
    if command -v locale >/dev/null 2>&1 && ! locale -a 2>/dev/null | grep -qiE '^c\.utf-?8$'; then
        locale=C
    fi
    if ! as_pg "$INITDB" -D "$data" --auth=trust --username=postgres -E UTF8 \
            --locale="$locale" >&2; then
        [[ $locale == C ]] && die "initdb failed"
        log "initdb with --locale=$locale failed; retrying with --locale=C"
        as_pg rm -rf -- "$data"
        as_pg "$INITDB" -D "$data" --auth=trust --username=postgres -E UTF8 \
            --locale=C >&2 || die "initdb failed"
    fi

    conf=$data/postgresql.conf
    {
        echo
        echo "# --- added by scripts/pg.sh: throwaway test server ---"
        # Durability is pointless for a database that is deleted after the
        # run; skipping the disk flushes makes the test suite much faster.
        echo "fsync = off"
        echo "synchronous_commit = off"
        echo "full_page_writes = off"
        echo "max_connections = 200"
        echo "listen_addresses = '127.0.0.1'"
        echo "unix_socket_directories = '${sockdir//\'/\'\'}'"
    } >> "$conf"

    : > "$logfile"
    if is_root; then chown "$PG_USER:" "$logfile"; fi

    for ((attempt = 1; ; attempt++)); do
        port=$(free_port)
        off=$(wc -c < "$logfile")
        log "starting server on 127.0.0.1:$port (attempt $attempt)"
        # -w: wait until the server accepts connections; -l: server output goes
        # to the log, so the postmaster does not hold our stdout/stderr open.
        if as_pg "$PG_CTL" -D "$data" -l "$logfile" -w -t 60 -o "-p $port" start >&2; then
            break
        fi
        # Retry only when the port was taken between free_port and bind.
        if (( attempt < START_ATTEMPTS )) &&
            tail -c +"$((off + 1))" "$logfile" |
                grep -qE 'could not bind|Address already in use|could not create any TCP/IP sockets'; then
            log "port $port was taken; retrying with another port"
            continue
        fi
        die "pg_ctl start failed"
    done
    printf '%s\n' "$port" > "$base/port"

    as_pg "$PSQL" -X -q -w -v ON_ERROR_STOP=1 -h "$sockdir" -p "$port" \
        -U postgres -d postgres >&2 <<SQL || die "creating role/database failed"
CREATE ROLE $ROLE LOGIN CREATEDB PASSWORD '$ROLE_PASSWORD';
CREATE DATABASE $DATABASE OWNER $ROLE;
SQL

    trap - EXIT
    log "server ready (data: $data, log: $logfile)"
    printf 'postgresql+psycopg://%s:%s@127.0.0.1:%s/%s\n' \
        "$ROLE" "$ROLE_PASSWORD" "$port" "$DATABASE" >&3
}

start_failed() {
    local data=$1 logfile=$2 dir=$3 pid
    log "start failed"
    if [[ -s $logfile ]]; then
        log "last lines of $logfile:"
        tail -n 40 "$logfile" >&2 || true
    fi
    # Don't leave a half-started server behind; keep DIR for inspection.
    if pid=$(postmaster_pid "$data"); then
        as_pg "$PG_CTL" -D "$data" -m immediate -w -t 30 stop >&2 || kill -KILL "$pid" 2>/dev/null || true
    fi
    log "files left in $dir; remove them with: $prog stop $dir"
}

cmd_stop() {
    local dir base data sockdir pid i
    dir=$(resolve_dir "${1:-}" no)
    [[ $dir != / ]] || die "refusing to use / as DIR"
    base=$dir/pg
    data=$base/data

    if pid=$(postmaster_pid "$data"); then
        log "stopping server (pid $pid)"
        if find_bindir; then
            as_pg "$BINDIR/pg_ctl" -D "$data" -m fast -w -t 60 stop >&2 || true
        fi
        # Fall back to signals if pg_ctl is missing or failed:
        # SIGINT = fast shutdown, SIGQUIT = immediate, SIGKILL = last resort.
        for sig in INT QUIT KILL; do
            kill -0 "$pid" 2>/dev/null || break
            kill -"$sig" "$pid" 2>/dev/null || true
            for ((i = 0; i < 100; i++)); do
                kill -0 "$pid" 2>/dev/null || break
                sleep 0.1
            done
        done
        kill -0 "$pid" 2>/dev/null && die "server (pid $pid) did not exit"
    fi

    if [[ -f $base/sockdir ]]; then
        sockdir=$(cat "$base/sockdir")
        # Only remove the /tmp fallback directory we created ourselves.
        case $sockdir in /tmp/pgsock.*) rm -rf -- "$sockdir" ;; esac
    fi
    rm -rf -- "$base"
    if [[ -d $dir ]]; then
        # Remove DIR, but never files start did not create there: a mistyped
        # DIR (".", "$HOME") must not be wiped.
        if ! rmdir -- "$dir" 2>/dev/null; then
            log "warning: $dir contains files not created by $prog; left them in place"
        fi
    fi
    return 0
}

case ${1:-} in
    start) [[ $# -eq 2 ]] || usage; cmd_start "$2" ;;
    stop)  [[ $# -eq 2 ]] || usage; cmd_stop "$2" ;;
    *)     usage ;;
esac
