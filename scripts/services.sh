#!/usr/bin/env bash
# Local services for creditgraph: Neo4j Community 5.26 (bolt, auth on) and Redis.
#
# Usage: scripts/services.sh [start|stop|status|env|import ARGS...]
#
#   start   start (or reuse) Neo4j and Redis; prints KEY=VALUE lines on stdout and
#           writes them to .local/services.env (source it from other scripts)
#   stop    stop only what this script started (pid files in .local/)
#   status  say what is running
#   env     print the KEY=VALUE lines for what is running now, starting nothing
#   import  run `neo4j-admin database import full ARGS...` on this instance's stopped Neo4j
#           (ingest network --bulk uses it; refuses while the server runs)
#
# Environment knobs:
#   CREDITGRAPH_LOCAL_DIR  state folder of this instance (default .local): with another
#                        NEO4J_BOLT_PORT, an independent second Neo4j (jars shared)
#   NEO4J_URI            use this Neo4j; do not start one
#   NEO4J_USER           default neo4j (a local server always uses neo4j)
#   NEO4J_PASSWORD       default creditgraph-dev
#   NEO4J_BOLT_PORT      default 7687
#   NEO4J_HEAP           default 2g   (-Xms/-Xmx)
#   NEO4J_PAGECACHE      default 2g
#   NEO4J_START_TIMEOUT  seconds to wait for a bolt answer, default 120
#   NEO4J_STOP_TIMEOUT   seconds to wait for a clean shutdown, default 60
#   NEO4J_IMPORT_HEAP    heap of the offline importer's JVM, default 1g (it works mostly off-heap)
#   REDIS_URL            use this Redis; do not start one
#   REDIS_REUSE_SYSTEM   default 1: reuse a Redis answering on 127.0.0.1:6379
#
# Human-readable messages go to stderr; only KEY=VALUE lines go to stdout.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
# CREDITGRAPH_LOCAL_DIR: where this instance keeps its state (default .local); a second folder with
# another NEO4J_BOLT_PORT gives an independent Neo4j (tests of stop/start and of the bulk importer use
# one). The Neo4j jars and tools are always cached in the project's .local and shared.
LOCAL="${CREDITGRAPH_LOCAL_DIR:-$ROOT/.local}"
JAR_CACHE="$ROOT/.local/neo4j"
ENV_FILE="$LOCAL/services.env"

NEO4J_SRC="$SCRIPT_DIR/neo4j"
NEO4J_HOME_DIR="$LOCAL/neo4j"
NEO4J_LIB="$JAR_CACHE/lib"
NEO4J_CONF_DIR="$NEO4J_HOME_DIR/conf"
NEO4J_DATA="$NEO4J_HOME_DIR/data"
NEO4J_LOGS="$NEO4J_HOME_DIR/logs"
NEO4J_TOOLS="$JAR_CACHE/tools"
NEO4J_PIDFILE="$NEO4J_HOME_DIR/neo4j.pid"
NEO4J_LOG="$NEO4J_LOGS/neo4j.log"        # Neo4j's user log
NEO4J_CONSOLE="$NEO4J_LOGS/console.log"  # the JVM's stdout/stderr
NEO4J_MAIN="org.neo4j.server.CommunityEntryPoint"

REDIS_DIR="$LOCAL/redis"
REDIS_PIDFILE="$REDIS_DIR/redis.pid"
REDIS_PORTFILE="$REDIS_DIR/port"

NEO4J_PASSWORD="${NEO4J_PASSWORD:-creditgraph-dev}"
NEO4J_USER_NAME="${NEO4J_USER:-neo4j}"
NEO4J_BOLT_PORT="${NEO4J_BOLT_PORT:-7687}"
NEO4J_HEAP="${NEO4J_HEAP:-2g}"
NEO4J_PAGECACHE="${NEO4J_PAGECACHE:-2g}"
NEO4J_START_TIMEOUT="${NEO4J_START_TIMEOUT:-120}"
NEO4J_STOP_TIMEOUT="${NEO4J_STOP_TIMEOUT:-60}"
REDIS_REUSE_SYSTEM="${REDIS_REUSE_SYSTEM:-1}"

JAVA="java"
if [[ -n "${JAVA_HOME:-}" && -x "${JAVA_HOME}/bin/java" ]]; then JAVA="$JAVA_HOME/bin/java"; fi
JAVAC="javac"
if [[ -n "${JAVA_HOME:-}" && -x "${JAVA_HOME}/bin/javac" ]]; then JAVAC="$JAVA_HOME/bin/javac"; fi

info() { printf '[services] %s\n' "$*" >&2; }
die() { printf '[services] ERROR: %s\n' "$*" >&2; exit 1; }

# true if something accepts TCP connections on 127.0.0.1:$1
port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# pid from file $1 if that process is alive and its command line contains $2
live_pid() {
  local file="$1" needle="$2" pid
  [[ -f "$file" ]] || return 1
  pid="$(tr -dc '0-9' <"$file")"
  [[ -n "$pid" ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$needle" || return 1
  printf '%s\n' "$pid"
}

neo4j_pid() { live_pid "$NEO4J_PIDFILE" "$NEO4J_MAIN"; }
redis_pid() { live_pid "$REDIS_PIDFILE" "redis-server"; }

# wait until pid $1 is gone, at most $2 seconds
wait_exit() {
  local pid="$1" secs="$2" i=0
  while kill -0 "$pid" 2>/dev/null; do
    ((i >= secs * 5)) && return 1
    sleep 0.2
    i=$((i + 1))
  done
  return 0
}

# ---------------------------------------------------------------- Neo4j

neo4j_jars_ready() {
  local stamp="$NEO4J_LIB/.resolved"
  [[ -f "$stamp" ]] && [[ "$(cat "$stamp")" == "$(sha256sum <"$NEO4J_SRC/pom.xml" | cut -d' ' -f1)" ]]
}

neo4j_resolve_jars() {
  if neo4j_jars_ready; then return 0; fi
  command -v mvn >/dev/null || die "mvn not found; it is needed once to fetch the Neo4j jars"
  info "resolving Neo4j jars with Maven (first use only) ..."
  local tmp="$JAR_CACHE/lib.tmp"
  rm -rf "$tmp"
  mkdir -p "$tmp"
  mkdir -p "$NEO4J_LOGS"
  if ! mvn -B -Dstyle.color=never -f "$NEO4J_SRC/pom.xml" dependency:copy-dependencies \
      -DoutputDirectory="$tmp" -DincludeScope=runtime >"$NEO4J_LOGS/mvn.log" 2>&1; then
    tail -n 40 "$NEO4J_LOGS/mvn.log" >&2 || true
    rm -rf "$tmp"
    die "mvn could not resolve the Neo4j jars (full output: .local/neo4j/logs/mvn.log)"
  fi
  sha256sum <"$NEO4J_SRC/pom.xml" | cut -d' ' -f1 >"$tmp/.resolved"
  rm -rf "$NEO4J_LIB"
  mv "$tmp" "$NEO4J_LIB"
  rm -rf "$NEO4J_TOOLS"
  info "Neo4j jars cached in .local/neo4j/lib ($(ls "$NEO4J_LIB"/*.jar | wc -l) jars)"
}

# compiles the bolt query checker (uses the Java driver that comes with the jars)
neo4j_build_tools() {
  local src="$NEO4J_SRC/BoltCheck.java" cls="$NEO4J_TOOLS/BoltCheck.class"
  if [[ -f "$cls" && "$cls" -nt "$src" ]]; then return 0; fi
  command -v "$JAVAC" >/dev/null || die "javac not found (a JDK 17+ is needed)"
  mkdir -p "$NEO4J_TOOLS"
  "$JAVAC" -nowarn -d "$NEO4J_TOOLS" -cp "$NEO4J_LIB/*" "$src" >&2 || die "could not compile $src"
}

# bolt_check URI TIMEOUT [PID]: prints "Neo4j Kernel <version> <edition>"; exit 0 ok,
# 1 no answer, 2 auth failed, 3 watched pid exited
bolt_check() {
  NEO4J_PASSWORD="$NEO4J_PASSWORD" "$JAVA" -Xmx128m -XX:TieredStopAtLevel=1 \
    -Dorg.slf4j.simpleLogger.defaultLogLevel=off \
    -cp "$NEO4J_TOOLS:$NEO4J_LIB/*" BoltCheck "$1" "$NEO4J_USER_NAME" "$2" ${3:+"$3"}
}

neo4j_write_conf() {
  mkdir -p "$NEO4J_CONF_DIR" "$NEO4J_DATA" "$NEO4J_LOGS" "$NEO4J_HOME_DIR/run" \
    "$NEO4J_HOME_DIR/import" "$NEO4J_HOME_DIR/plugins"
  cat >"$NEO4J_CONF_DIR/neo4j.conf" <<EOF
# Generated by scripts/services.sh on every start; edits are overwritten.
server.directories.data=data
server.directories.logs=logs
server.directories.run=run
server.directories.import=import
server.directories.plugins=plugins
server.default_listen_address=127.0.0.1
server.default_advertised_address=127.0.0.1
server.bolt.enabled=true
server.bolt.listen_address=127.0.0.1:${NEO4J_BOLT_PORT}
server.bolt.tls_level=DISABLED
server.http.enabled=false
server.https.enabled=false
dbms.security.auth_enabled=true
server.memory.heap.initial_size=${NEO4J_HEAP}
server.memory.heap.max_size=${NEO4J_HEAP}
server.memory.pagecache.size=${NEO4J_PAGECACHE}
dbms.usage_report.enabled=false
# dev data: do not preallocate 256 MB per transaction log file
db.tx_log.preallocate=false
EOF
}

# neo4j-admin dbms set-initial-password; only has an effect before the first start
neo4j_set_initial_password() {
  if [[ -d "$NEO4J_DATA/databases/system" ]]; then return 0; fi
  info "setting the initial password of user neo4j"
  NEO4J_HOME="$NEO4J_HOME_DIR" NEO4J_CONF="$NEO4J_CONF_DIR" \
    "$JAVA" -Xmx256m -cp "$NEO4J_LIB/*" org.neo4j.cli.AdminTool \
    dbms set-initial-password "$NEO4J_PASSWORD" >&2 \
    || die "neo4j-admin dbms set-initial-password failed"
}

neo4j_log_tail() {
  local f
  for f in "$NEO4J_CONSOLE" "$NEO4J_LOG"; do
    [[ -s "$f" ]] || continue
    printf '[services] ---- last 40 lines of %s ----\n' "${f#"$ROOT"/}" >&2
    tail -n 40 "$f" >&2 || true
  done
  info "more detail in .local/neo4j/logs/debug.log"
}

NEO4J_URI_OUT=""

neo4j_start() {
  if [[ -n "${NEO4J_URI:-}" ]]; then
    info "Neo4j: using NEO4J_URI=$NEO4J_URI from the environment (not starting one)"
    NEO4J_URI_OUT="$NEO4J_URI"
    return 0
  fi
  local uri="bolt://127.0.0.1:${NEO4J_BOLT_PORT}" pid rc out

  neo4j_resolve_jars
  neo4j_build_tools

  pid="$(neo4j_pid || true)"
  if [[ -z "$pid" ]] && port_open "$NEO4J_BOLT_PORT"; then
    # someone else's server: reuse it if it accepts our password
    rc=0
    out="$(bolt_check "$uri" 5)" || rc=$?
    if ((rc == 0)); then
      info "Neo4j: reusing the server already answering at $uri ($out)"
      NEO4J_URI_OUT="$uri"
      return 0
    elif ((rc == 2)); then
      die "a Neo4j at $uri rejects user neo4j with NEO4J_PASSWORD; stop it, or set NEO4J_PASSWORD / NEO4J_BOLT_PORT"
    else
      die "port $NEO4J_BOLT_PORT is in use by something that does not answer bolt; set NEO4J_BOLT_PORT"
    fi
  fi

  if [[ -z "$pid" ]]; then
    rm -f "$NEO4J_PIDFILE"
    neo4j_write_conf
    neo4j_set_initial_password
    info "Neo4j: starting on $uri (heap $NEO4J_HEAP, pagecache $NEO4J_PAGECACHE) ..."
    {
      printf '\n===== %s services.sh start =====\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
    } >>"$NEO4J_CONSOLE"
    (
      cd "$NEO4J_HOME_DIR"
      # the server must not keep the caller's other descriptors open: started under
      # `flock LOCKFILE …`, it would hold that lock for its whole life
      for fd in $(ls /proc/$BASHPID/fd); do
        if ((fd > 2)); then eval "exec ${fd}>&-" 2>/dev/null || true; fi
      done
      exec setsid nohup "$JAVA" \
        -Xms"$NEO4J_HEAP" -Xmx"$NEO4J_HEAP" \
        -XX:+UseG1GC -XX:-OmitStackTraceInFastThrow -XX:+DisableExplicitGC \
        -XX:+UnlockExperimentalVMOptions -XX:+TrustFinalNonStaticFields \
        -XX:+ExitOnOutOfMemoryError \
        -Djdk.nio.maxCachedBufferSize=1024 -Dio.netty.tryReflectionSetAccessible=true \
        -Djdk.tls.ephemeralDHKeySize=2048 -Djdk.tls.rejectClientInitiatedRenegotiation=true \
        -Dlog4j2.disable.jmx=true -Dfile.encoding=UTF-8 \
        --add-opens=java.base/java.nio=ALL-UNNAMED \
        --add-opens=java.base/java.io=ALL-UNNAMED \
        --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
        --add-opens=java.base/java.lang=ALL-UNNAMED \
        --add-opens=java.base/java.util=ALL-UNNAMED \
        --add-opens=java.base/java.util.concurrent=ALL-UNNAMED \
        -cp "$NEO4J_LIB/*" "$NEO4J_MAIN" \
        --home-dir "$NEO4J_HOME_DIR" --config-dir "$NEO4J_CONF_DIR"
    ) >>"$NEO4J_CONSOLE" 2>&1 </dev/null 9>&- &
    pid=$!
    echo "$pid" >"$NEO4J_PIDFILE"
  else
    info "Neo4j: our server (pid $pid) is running; checking it answers"
  fi

  rc=0
  out="$(bolt_check "$uri" "$NEO4J_START_TIMEOUT" "$pid")" || rc=$?
  case "$rc" in
    0)
      info "Neo4j: answering at $uri ($out)"
      NEO4J_URI_OUT="$uri"
      ;;
    2)
      die "Neo4j at $uri rejects the password in NEO4J_PASSWORD; the data in .local/neo4j/data was made with another one (delete .local/neo4j/data to start afresh)"
      ;;
    3)
      neo4j_log_tail
      rm -f "$NEO4J_PIDFILE"
      die "Neo4j exited during startup (log: .local/neo4j/logs/neo4j.log)"
      ;;
    *)
      neo4j_log_tail
      info "stopping the Neo4j that did not answer (pid $pid)"
      kill -TERM "$pid" 2>/dev/null || true
      wait_exit "$pid" 20 || kill -KILL "$pid" 2>/dev/null || true
      rm -f "$NEO4J_PIDFILE"
      die "Neo4j did not answer a bolt query at $uri within ${NEO4J_START_TIMEOUT}s (NEO4J_START_TIMEOUT)"
      ;;
  esac
}

neo4j_stop() {
  local pid
  pid="$(neo4j_pid || true)"
  if [[ -z "$pid" ]]; then
    rm -f "$NEO4J_PIDFILE"
    info "Neo4j: not started by this script; nothing to stop"
    return 0
  fi
  info "Neo4j: stopping pid $pid ..."
  kill -TERM "$pid" 2>/dev/null || true
  if ! wait_exit "$pid" "$NEO4J_STOP_TIMEOUT"; then
    info "Neo4j: no clean exit within ${NEO4J_STOP_TIMEOUT}s; killing"
    kill -KILL "$pid" 2>/dev/null || true
    wait_exit "$pid" 10 || true
  fi
  rm -f "$NEO4J_PIDFILE"
  info "Neo4j: stopped"
}

# neo4j_import ARGS...: the offline importer on this instance's (stopped) store
neo4j_import() {
  if neo4j_pid >/dev/null; then die "Neo4j is running; stop it before an offline import"; fi
  neo4j_resolve_jars
  neo4j_write_conf
  neo4j_set_initial_password
  info "Neo4j: offline import into $NEO4J_DATA (importer heap ${NEO4J_IMPORT_HEAP:-1g})"
  NEO4J_HOME="$NEO4J_HOME_DIR" NEO4J_CONF="$NEO4J_CONF_DIR" \
    "$JAVA" -Xms"${NEO4J_IMPORT_HEAP:-1g}" -Xmx"${NEO4J_IMPORT_HEAP:-1g}" -XX:+UseG1GC \
    --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
    --add-opens=java.base/java.lang=ALL-UNNAMED \
    -cp "$NEO4J_LIB/*" org.neo4j.cli.AdminTool database import full "$@" 9>&-
}

# ---------------------------------------------------------------- Redis

redis_ping() { # host port
  command -v redis-cli >/dev/null || return 1
  [[ "$(timeout 3 redis-cli -h "$1" -p "$2" ping 2>/dev/null || true)" == "PONG" ]]
}

REDIS_URL_OUT=""

redis_start() {
  if [[ -n "${REDIS_URL:-}" ]]; then
    info "Redis: using REDIS_URL=$REDIS_URL from the environment (not starting one)"
    REDIS_URL_OUT="$REDIS_URL"
    return 0
  fi
  local pid port
  pid="$(redis_pid || true)"
  if [[ -n "$pid" && -f "$REDIS_PORTFILE" ]]; then
    port="$(cat "$REDIS_PORTFILE")"
    if redis_ping 127.0.0.1 "$port"; then
      info "Redis: reusing ours on 127.0.0.1:$port (pid $pid)"
      REDIS_URL_OUT="redis://127.0.0.1:$port"
      return 0
    fi
  fi
  if [[ "$REDIS_REUSE_SYSTEM" == "1" ]] && redis_ping 127.0.0.1 6379; then
    info "Redis: using the one answering on 127.0.0.1:6379"
    REDIS_URL_OUT="redis://127.0.0.1:6379"
    return 0
  fi

  if ! command -v redis-server >/dev/null || ! command -v redis-cli >/dev/null; then
    info "Redis: redis-server missing; installing Debian's redis-server package"
    command -v apt-get >/dev/null || die "redis-server is not installed and apt-get is not available"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server) >&2 \
      || die "could not install redis-server"
  fi

  if [[ -n "$pid" ]]; then # ours, but not answering: restart it
    kill -TERM "$pid" 2>/dev/null || true
    wait_exit "$pid" 10 || kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$REDIS_PIDFILE" "$REDIS_PORTFILE"
  mkdir -p "$REDIS_DIR"

  port=""
  local p
  for p in $(seq 6380 6399); do
    if ! port_open "$p"; then port="$p"; break; fi
  done
  [[ -n "$port" ]] || die "no free port for Redis in 6380..6399"

  info "Redis: starting redis-server on 127.0.0.1:$port"
  redis-server --port "$port" --bind 127.0.0.1 --daemonize yes \
    --pidfile "$REDIS_PIDFILE" --logfile "$REDIS_DIR/redis.log" \
    --save "" --appendonly no --dir "$REDIS_DIR" >&2 9>&- \
    || die "redis-server did not start (see .local/redis/redis.log)"
  echo "$port" >"$REDIS_PORTFILE"

  local i
  for i in $(seq 1 100); do
    if redis_ping 127.0.0.1 "$port"; then
      info "Redis: answering on 127.0.0.1:$port"
      REDIS_URL_OUT="redis://127.0.0.1:$port"
      return 0
    fi
    sleep 0.1
  done
  tail -n 40 "$REDIS_DIR/redis.log" >&2 2>/dev/null || true
  die "Redis on 127.0.0.1:$port did not answer PING"
}

redis_stop() {
  local pid
  pid="$(redis_pid || true)"
  if [[ -z "$pid" ]]; then
    rm -f "$REDIS_PIDFILE" "$REDIS_PORTFILE"
    info "Redis: not started by this script; nothing to stop"
    return 0
  fi
  info "Redis: stopping pid $pid ..."
  kill -TERM "$pid" 2>/dev/null || true
  if ! wait_exit "$pid" 20; then
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$REDIS_PIDFILE" "$REDIS_PORTFILE"
  info "Redis: stopped"
}

# ---------------------------------------------------------------- output

print_env() { # neo4j_uri redis_url
  if [[ -n "$1" ]]; then
    printf 'NEO4J_URI=%q\n' "$1"
    printf 'NEO4J_USER=%q\n' "$NEO4J_USER_NAME"
    printf 'NEO4J_PASSWORD=%q\n' "$NEO4J_PASSWORD"
  fi
  if [[ -n "$2" ]]; then
    printf 'REDIS_URL=%q\n' "$2"
  fi
}

# what is there now, without starting anything
current_neo4j() {
  if [[ -n "${NEO4J_URI:-}" ]]; then
    printf '%s\n' "$NEO4J_URI"
  elif port_open "$NEO4J_BOLT_PORT"; then
    printf 'bolt://127.0.0.1:%s\n' "$NEO4J_BOLT_PORT"
  fi
}

current_redis() {
  local port
  if [[ -n "${REDIS_URL:-}" ]]; then
    printf '%s\n' "$REDIS_URL"
  elif redis_pid >/dev/null && [[ -f "$REDIS_PORTFILE" ]]; then
    port="$(cat "$REDIS_PORTFILE")"
    printf 'redis://127.0.0.1:%s\n' "$port"
  elif [[ "$REDIS_REUSE_SYSTEM" == "1" ]] && redis_ping 127.0.0.1 6379; then
    printf 'redis://127.0.0.1:6379\n'
  fi
}

# ---------------------------------------------------------------- commands

# serialises concurrent start/stop; fd 9 must not leak into the servers (see 9>&- above)
with_lock() {
  mkdir -p "$LOCAL"
  if command -v flock >/dev/null; then
    exec 9>"$LOCAL/services.lock"
    flock -w 900 9 || die "another services.sh is still busy (lock .local/services.lock)"
  fi
}

cmd_start() {
  with_lock
  neo4j_start
  redis_start
  print_env "$NEO4J_URI_OUT" "$REDIS_URL_OUT" >"$ENV_FILE.tmp"
  mv "$ENV_FILE.tmp" "$ENV_FILE"
  info "written .local/services.env"
  cat "$ENV_FILE"
}

cmd_stop() {
  with_lock
  neo4j_stop
  redis_stop
  rm -f "$ENV_FILE"
}

cmd_import() {
  with_lock
  neo4j_import "$@"
}

cmd_status() {
  local pid port
  if [[ -n "${NEO4J_URI:-}" ]]; then
    echo "neo4j: external, NEO4J_URI=$NEO4J_URI"
  elif pid="$(neo4j_pid)"; then
    echo "neo4j: running (started here, pid $pid) at bolt://127.0.0.1:$NEO4J_BOLT_PORT"
  elif port_open "$NEO4J_BOLT_PORT"; then
    echo "neo4j: something not started here listens on 127.0.0.1:$NEO4J_BOLT_PORT"
  else
    echo "neo4j: not running"
  fi
  if [[ -n "${REDIS_URL:-}" ]]; then
    echo "redis: external, REDIS_URL=$REDIS_URL"
  elif pid="$(redis_pid)" && [[ -f "$REDIS_PORTFILE" ]]; then
    port="$(cat "$REDIS_PORTFILE")"
    echo "redis: running (started here, pid $pid) at redis://127.0.0.1:$port"
  elif redis_ping 127.0.0.1 6379; then
    echo "redis: not started here; one answers at redis://127.0.0.1:6379"
  else
    echo "redis: not running"
  fi
}

cmd_env() {
  local n r
  n="$(current_neo4j)"
  r="$(current_redis)"
  print_env "$n" "$r"
  [[ -n "$n" ]] || info "Neo4j is not running (scripts/services.sh start)"
  [[ -n "$r" ]] || info "Redis is not running (scripts/services.sh start)"
  [[ -n "$n" && -n "$r" ]]
}

case "${1:-start}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  env) cmd_env ;;
  import) shift; cmd_import "$@" ;;
  -h | --help | help) sed -n '2,28p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' ;;
  *) die "usage: scripts/services.sh [start|stop|status|env]" ;;
esac
