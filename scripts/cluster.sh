#!/usr/bin/env bash
# A local cluster in one command: redis-server, PostgreSQL, 2 silos, 2 gateways and N agents, each
# on its own loopback address (127.0.0.2, 127.0.0.3, ...) as if on its own machine, each with its
# own data directory under DIR (default .cluster/ in the repository). Run as root on Debian 12
# (scripts/prereqs.sh installs redis-server and postgresql).
#
#   scripts/cluster.sh up [--nodes N] [--gpus-per-node G] [--dir DIR] [--base-address A] [--no-build] [--env-file FILE]
#     (--env-file: KEY=VALUE lines added to every silo's, gateway's and agent's configuration)
#   scripts/cluster.sh down [--dir DIR] [--purge]
#   scripts/cluster.sh status [--dir DIR]
#   scripts/cluster.sh start NAME [--dir DIR]     # silo-1, gateway-2, agent-3, redis, postgres
#   scripts/cluster.sh stop NAME [--dir DIR]      # SIGTERM by its recorded pid
#
# Layout: DIR/<name>/ (the process's data directory, its env file and out.log), DIR/pids/<name>.pid,
# DIR/pki/ (the CA and one pfx per process), DIR/cluster.env (URLs, token file, connection strings).
# The contract of names and addresses is /work/briefs/i12/config.md, kept true in docs/cluster.md.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
pg_bin=/usr/lib/postgresql/15/bin

# Limits and defaults (each documented in docs/cluster.md).
default_nodes=3
max_nodes=20                  # agents get base+6 ... base+6+N-1 and 100 task ports each
default_gpus=2
redis_port=6379
postgres_port=5432
silo_port=11111
client_port=30000
gateway_port=5080
metrics_port=9464
task_port_base=28000
task_ports_per_agent=100
start_seconds=180             # how long up waits for each process to be ready
stop_seconds=15               # SIGTERM, then SIGKILL after this

nodes=$default_nodes
gpus=$default_gpus
dir="$repo/.cluster"
base=127.0.0.2
build=1
purge=""
extra_env=""
base_given="" nodes_given="" gpus_given=""

die() { echo "cluster.sh: $*" >&2; exit 1; }

usage() {
  sed -n '7,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

# --- addresses and names -------------------------------------------------------------------------

# address OFFSET: the base address plus OFFSET in its last octet.
address() {
  local a b c d
  IFS=. read -r a b c d <<<"$base"
  (( d + $1 <= 254 )) || die "--base-address $base leaves no room for address +$1 (last octet at most 254)"
  echo "$a.$b.$c.$((d + $1))"
}

# offset NAME: the address offset of a process (config.md's table).
offset() {
  case "$1" in
    redis) echo 0 ;;
    postgres) echo 1 ;;
    silo-1) echo 2 ;;
    silo-2) echo 3 ;;
    gateway-1) echo 4 ;;
    gateway-2) echo 5 ;;
    agent-*) echo $((5 + ${1#agent-})) ;;
    *) die "unknown process '$1': redis, postgres, silo-1, silo-2, gateway-1, gateway-2, agent-1..N" ;;
  esac
}

port_of() {
  case "$1" in
    redis) echo "$redis_port" ;;
    postgres) echo "$postgres_port" ;;
    silo-*) echo "$silo_port/$client_port" ;;
    gateway-*) echo "$gateway_port" ;;
    agent-*) local i=${1#agent-}; echo "$((task_port_base + task_ports_per_agent * (i - 1)))-$((task_port_base + task_ports_per_agent * i - 1))" ;;
  esac
}

# Every process of the cluster in start order (down stops them in the reverse of the kinds).
names() {
  echo redis postgres silo-1 silo-2 gateway-1 gateway-2
  for i in $(seq "$nodes"); do echo "agent-$i"; done
}

secret() { od -An -tx1 -N24 /dev/urandom | tr -d ' \n'; }

# --- pids ----------------------------------------------------------------------------------------

pidfile() { echo "$dir/pids/$1.pid"; }

pid_of() {
  local f
  f=$(pidfile "$1")
  if [ -s "$f" ]; then cat "$f"; fi
}

# running PID: the process exists and is not a zombie (a killed process stays one until reaped).
running() {
  local state
  [ -n "$1" ] && state=$(awk '{ print $3 }' "/proc/$1/stat" 2>/dev/null) && [ "$state" != Z ]
}

alive() { running "$(pid_of "$1")"; }

fail_with_log() {
  local name=$1; shift
  echo "cluster.sh: $*" >&2
  local log="$dir/$name/out.log"
  if [ -f "$log" ]; then
    echo "--- the end of $log:" >&2
    tail -n 40 "$log" >&2
  fi
  exit 1
}

# wait_for NAME WHAT COMMAND...: polls COMMAND until it succeeds, the process dies, or the deadline.
wait_for() {
  local name=$1 what=$2; shift 2
  local deadline=$((SECONDS + start_seconds))
  until "$@" >/dev/null 2>&1; do
    alive "$name" || fail_with_log "$name" "$name exited while waiting for $what"
    (( SECONDS < deadline )) || fail_with_log "$name" "$name: no $what within $start_seconds s"
    sleep 0.5
  done
}

# --- configuration -------------------------------------------------------------------------------

load_config() {
  [ -f "$dir/cluster.conf" ] || die "$dir holds no cluster (no cluster.conf): run 'scripts/cluster.sh up --dir $dir' first"
  # shellcheck source=/dev/null
  . "$dir/cluster.conf"
}

save_config() {
  cat >"$dir/cluster.conf" <<EOF
nodes=$nodes
gpus=$gpus
base=$base
EOF
}

# write_env NAME KEY=VALUE...: the process's whole configuration, reused by 'start NAME'.
write_env() {
  local name=$1; shift
  local file="$dir/$name/env"
  (umask 077; printf '%s\n' "$@" >"$file")
}

dll() {
  case "$1" in
    silo-*) echo "$repo/src/Platform.Silo/bin/Debug/net10.0/Platform.Silo.dll" ;;
    gateway-*) echo "$repo/src/Platform.Gateway/bin/Debug/net10.0/Platform.Gateway.dll" ;;
    agent-*) echo "$repo/src/Platform.Worker/bin/Debug/net10.0/Platform.Worker.dll" ;;
  esac
}

# cli ARGS...: the platform CLI, quiet unless it fails (then its output and a non-zero exit).
cli() {
  local output
  output=$(dotnet "$repo/src/Platform.Cli/bin/Debug/net10.0/Platform.Cli.dll" "$@" 2>&1) || die "platform $*: $output"
}

redis_password() { cat "$dir/redis/password"; }
postgres_password() { cat "$dir/postgres/password"; }
redis_connection() { echo "$(address 0):$redis_port,password=$(redis_password),abortConnect=false"; }
postgres_connection() {
  echo "Host=$(address 1);Port=$postgres_port;Username=platform;Password=$(postgres_password);Database=platform"
}

common_env() {
  local name=$1 role=$2
  echo "Platform__Mode=cluster"
  echo "Platform__DataDir=$dir/$name"
  echo "Platform__Cluster__ClusterId=platform"
  echo "Platform__Cluster__Redis=$(redis_connection)"
  echo "Platform__Tls__CertificatePath=$dir/pki/$name.pfx"
  echo "Platform__Tls__CaCertificatePath=$dir/pki/ca.crt"
  # Every line of every out.log with its UTC time, so the processes' logs can be read side by side.
  echo "Logging__Console__FormatterName=simple"
  echo "Logging__Console__FormatterOptions__TimestampFormat=HH:mm:ss.fff "
  echo "Logging__Console__FormatterOptions__UseUtcTimestamp=true"
  [ "$role" = silo ] && echo "Platform__Cluster__Postgres=$(postgres_connection)"
  # Prometheus' bearer token for /metrics/prometheus of the silos and gateways.
  case "$name" in silo-*|gateway-*) echo "Platform__Metrics__ScrapeTokenPath=$dir/scrape-token" ;; esac
  return 0
}

configure() {
  local name=$1 role
  case "$name" in silo-*) role=silo ;; *) role=agent ;; esac
  mkdir -p "$dir/$name"
  chmod 700 "$dir/$name"
  [ -f "$dir/pki/$name.pfx" ] || cli cert issue --pki "$dir/pki" --name "$name" --role "$role" --out "$dir/pki/$name.pfx"
  local own
  own=$(address "$(offset "$name")")
  local -a env
  mapfile -t env < <(common_env "$name" "$role")
  case "$name" in
    silo-*)
      env+=("Platform__Silo__Address=$own" "Platform__SiloPort=$silo_port" "Platform__GatewayPort=$client_port"
            "Platform__Metrics__Port=$metrics_port") ;;
    gateway-*)
      env+=("Urls=http://$own:$gateway_port") ;;
    agent-*)
      local i=${name#agent-}
      env+=("Platform__Worker__NodeId=$name" "Platform__Worker__Address=$own" "Platform__Worker__NetworkInterface=lo"
            "Platform__Worker__PortStart=$((task_port_base + task_ports_per_agent * (i - 1)))"
            "Platform__Worker__PortEnd=$((task_port_base + task_ports_per_agent * i - 1))"
            "Platform__Worker__FakeGpuCount=$gpus" "Platform__Worker__Runtimes=docker,process"
            "Platform__Worker__VolumesPath=$dir/volumes") ;;
  esac
  if [ -n "$extra_env" ]; then
    local line
    while IFS= read -r line; do
      case "$line" in ''|'#'*) continue ;; esac
      [[ "$line" =~ ^[A-Za-z_][A-Za-z0-9_]*= ]] || die "--env-file: '$line' is not KEY=VALUE"
      env+=("$line")
    done <"$extra_env"
  fi
  write_env "$name" "${env[@]}"
}

# --- starting one process ------------------------------------------------------------------------

start_dotnet() {
  local name=$1
  [ -f "$dir/$name/env" ] || die "$name has no recorded configuration ($dir/$name/env): run 'up' first"
  local program
  program=$(dll "$name")
  [ -f "$program" ] || die "$program is not built: run 'up' without --no-build"
  (
    cd "$dir/$name"
    # Only the recorded configuration: none of the caller's own Platform__* settings leak in.
    while IFS= read -r variable; do unset "$variable"; done < <(compgen -e | grep '^Platform__' || true)
    while IFS= read -r line; do [ -n "$line" ] && export "${line?}"; done <"$dir/$name/env"
    # exec twice: the recorded pid is the dotnet process itself; setsid: it outlives this shell.
    exec setsid dotnet "$program" >>"$dir/$name/out.log" 2>&1 </dev/null
  ) &
  echo $! >"$(pidfile "$name")"
  # Its end is found by its pid and out.log, not reported by this shell.
  disown
}

# listening NAME PORT: whether the process's address accepts TCP connections on PORT.
listening() { (exec 3<>"/dev/tcp/$(address "$(offset "$1")")/$2") 2>/dev/null; }

start_redis() {
  # requirepass lives in redis.conf (0600), never on a command line where ps shows it.
  (cd "$dir/redis" && exec setsid redis-server "$dir/redis/redis.conf" >>"$dir/redis/out.log" 2>&1 </dev/null) &
  echo $! >"$(pidfile redis)"
  disown
  wait_for redis "an answer to PING" redis_ping
}

redis_ping() {
  REDISCLI_AUTH=$(redis_password) redis-cli -h "$(address 0)" -p "$redis_port" --no-auth-warning ping | grep -q PONG
}

start_postgres() {
  local data="$dir/postgres/data"
  rm -f "$(pidfile postgres)"
  (exec setsid runuser -u postgres -- "$pg_bin/postgres" -D "$data" >>"$dir/postgres/out.log" 2>&1 </dev/null) &
  local runner=$! deadline=$((SECONDS + start_seconds))
  disown
  # The pid to record is the postmaster's (runuser stays in between), read from its own pid file.
  until [ -s "$data/postmaster.pid" ] && runuser -u postgres -- "$pg_bin/pg_isready" -q -h "$dir/postgres/run" -p "$postgres_port"; do
    running "$runner" || fail_with_log postgres "postgres exited at start"
    (( SECONDS < deadline )) || fail_with_log postgres "postgres: not ready within $start_seconds s"
    sleep 0.5
  done
  head -n 1 "$data/postmaster.pid" >"$(pidfile postgres)"
}

start_one() {
  local name=$1
  if alive "$name"; then echo "$name is running (pid $(pid_of "$name"))"; return 0; fi
  case "$name" in
    redis) start_redis ;;
    postgres) start_postgres ;;
    *) start_dotnet "$name" ;;
  esac
  ready "$name"
  echo "$name started (pid $(pid_of "$name")) at $(address "$(offset "$name")"):$(port_of "$name")"
}

# ready NAME: a silo once its client port is open, a gateway once its API answers; a process that
# exits first fails the start with the end of its log. (An agent is ready when its node is, which
# takes a gateway: up waits for that.)
ready() {
  case "$1" in
    silo-*) wait_for "$1" "open client port $client_port" listening "$1" "$client_port" ;;
    gateway-*) wait_for "$1" "answer to GET /api/me" api "http://$(address "$(offset "$1")"):$gateway_port/api/me" ;;
  esac
}

# --- up ------------------------------------------------------------------------------------------

make_pki() {
  [ -f "$dir/pki/ca.crt" ] || cli cert init --pki "$dir/pki" --name "local-cluster"
}

init_redis() {
  mkdir -p "$dir/redis"
  chmod 700 "$dir/redis"
  [ -f "$dir/redis/password" ] || (umask 077; secret >"$dir/redis/password")
  (umask 077; cat >"$dir/redis/redis.conf" <<EOF
bind $(address 0)
port $redis_port
protected-mode yes
daemonize no
dir $dir/redis
logfile ""
appendonly yes
appendfsync always
save ""
requirepass $(redis_password)
EOF
  )
}

init_postgres() {
  local pg="$dir/postgres" data="$dir/postgres/data"
  id postgres >/dev/null 2>&1 || die "no user 'postgres': run scripts/prereqs.sh (it installs postgresql)"
  [ -x "$pg_bin/postgres" ] || die "$pg_bin/postgres is missing: run scripts/prereqs.sh"
  mkdir -p "$pg/run"
  [ -f "$pg/password" ] || (umask 077; secret >"$pg/password")
  chown postgres:postgres "$pg" "$pg/run"
  chmod 700 "$pg"
  chown root:root "$pg/password"
  runuser -u postgres -- test -x "$pg" || die "user postgres cannot reach $pg: every directory above it must be searchable (chmod o+x)"
  if [ ! -f "$data/PG_VERSION" ]; then
    runuser -u postgres -- "$pg_bin/initdb" -D "$data" -E UTF8 --locale=C --auth-local=peer --auth-host=scram-sha-256 >>"$pg/out.log" 2>&1 \
      || fail_with_log postgres "initdb failed"
    cat >>"$data/postgresql.conf" <<EOF
# scripts/cluster.sh
listen_addresses = '$(address 1)'
port = $postgres_port
unix_socket_directories = '$pg/run'
password_encryption = scram-sha-256
EOF
    # Local socket: the postgres superuser by peer; TCP: only the platform role, by password.
    printf 'local all postgres peer\nhost platform platform all scram-sha-256\n' >"$data/pg_hba.conf"
    start_one postgres
    local sql
    sql="CREATE ROLE platform LOGIN PASSWORD '$(postgres_password)'"
    runuser -u postgres -- psql -q -h "$pg/run" -p "$postgres_port" -d postgres -c "$sql" >/dev/null
    runuser -u postgres -- psql -q -h "$pg/run" -p "$postgres_port" -d postgres -c "CREATE DATABASE platform OWNER platform" >/dev/null
    echo "postgres initialised in $data: role and database platform"
  fi
}

write_cluster_env() {
  (umask 077; cat >"$dir/cluster.env" <<EOF
# Source this file: the local cluster's addresses and credentials (scripts/cluster.sh).
export PLATFORM_URL=http://$(address 4):$gateway_port
export PLATFORM_URL_2=http://$(address 5):$gateway_port
export PLATFORM_TOKEN_FILE=$dir/silo-1/admin-token
export PLATFORM_TOKEN=\$(cat "\$PLATFORM_TOKEN_FILE")
export PLATFORM_REDIS='$(redis_connection)'
export PLATFORM_POSTGRES='$(postgres_connection)'
export PLATFORM_CLUSTER_DIR=$dir
export PLATFORM_SCRAPE_TOKEN_FILE=$dir/scrape-token
export PLATFORM_METRICS_URLS='http://$(address 2):$metrics_port/metrics/prometheus http://$(address 3):$metrics_port/metrics/prometheus'
EOF
  )
}

api() { curl -fsS --max-time 5 -H "Authorization: Bearer $(cat "$dir/silo-1/admin-token")" "$1"; }

node_ready() {
  api "http://$(address 4):$gateway_port/api/nodes" | jq -e --arg id "$1" 'any(.[]; .id == $id and .state == "Ready")'
}

up() {
  [ "$(id -u)" = 0 ] || die "up must run as root (PostgreSQL runs as the postgres user)"
  if ! [[ "$nodes" =~ ^[0-9]+$ ]] || (( nodes < 1 || nodes > max_nodes )); then die "--nodes must be 1 to $max_nodes; got '$nodes'"; fi
  [[ "$gpus" =~ ^[0-9]+$ ]] || die "--gpus-per-node must be a whole number; got '$gpus'"
  [[ "$base" =~ ^127\.[0-9]+\.[0-9]+\.[0-9]+$ ]] || die "--base-address must be a loopback address (127.x.y.z); got '$base'"
  for tool in redis-server redis-cli jq curl dotnet; do command -v "$tool" >/dev/null || die "$tool is missing: run scripts/prereqs.sh"; done
  if [ -f "$dir/cluster.conf" ]; then
    # An existing cluster keeps its addresses; its agent count and GPUs unless given again.
    local previous previous_nodes previous_gpus
    # shellcheck source=/dev/null
    previous=$(. "$dir/cluster.conf"; echo "$base $nodes $gpus")
    read -r previous previous_nodes previous_gpus <<<"$previous"
    [ -z "$base_given" ] || [ "$previous" = "$base" ] || die "$dir was made with --base-address $previous: use it, or another --dir"
    base=$previous
    [ -n "$nodes_given" ] || nodes=$previous_nodes
    # down knows the agents by the recorded count: it never shrinks while agents may run.
    (( nodes >= previous_nodes )) || die "$dir has $previous_nodes agents: 'down --dir $dir' first to run fewer"
    [ -n "$gpus_given" ] || gpus=$previous_gpus
  fi
  address $((5 + nodes)) >/dev/null

  if [ -n "$build" ]; then
    echo "building the silo, gateway, agent and CLI"
    for project in Platform.Silo Platform.Gateway Platform.Worker Platform.Cli; do
      local output
      output=$(dotnet build "$repo/src/$project" -nologo -clp:ErrorsOnly -v:q 2>&1) || die "dotnet build src/$project failed:
$output"
    done
  fi

  mkdir -p "$dir/pids" "$dir/volumes"
  chmod 711 "$dir"
  save_config
  make_pki
  [ -f "$dir/scrape-token" ] || (umask 077; secret >"$dir/scrape-token")
  init_redis
  start_one redis
  init_postgres
  alive postgres || start_one postgres
  for name in $(names | tr ' ' '\n' | grep -v '^redis$\|^postgres$'); do configure "$name"; done
  write_cluster_env

  start_one silo-1
  wait_for silo-1 "admin token in $dir/silo-1/admin-token" test -s "$dir/silo-1/admin-token"
  [ -s "$dir/silo-2/admin-token" ] || install -m 600 "$dir/silo-1/admin-token" "$dir/silo-2/admin-token"
  start_one silo-2
  start_one gateway-1
  start_one gateway-2
  for i in $(seq "$nodes"); do start_one "agent-$i"; done
  for i in $(seq "$nodes"); do wait_for "agent-$i" "Ready node agent-$i in GET /api/nodes" node_ready "agent-$i"; done
  # A process that died after its own check (a silo whose peer answered for it) fails the start too.
  local name
  for name in $(names); do alive "$name" || fail_with_log "$name" "$name is not running"; done

  cat <<EOF

The cluster is up: $nodes agent(s) with $gpus fake GPUs each.
  gateways:    http://$(address 4):$gateway_port  http://$(address 5):$gateway_port
  admin token: $dir/silo-1/admin-token
  use it:      source $dir/cluster.env && dotnet src/Platform.Cli/bin/Debug/net10.0/Platform.Cli.dll node list
  status:      scripts/cluster.sh status --dir $dir
  stop:        scripts/cluster.sh down --dir $dir   (--purge also deletes $dir)
EOF
}

# --- stop, down, status --------------------------------------------------------------------------

stop_one() {
  local name=$1 pid
  pid=$(pid_of "$name")
  if ! running "$pid"; then
    rm -f "$(pidfile "$name")"
    echo "$name is not running"
    return 0
  fi
  if [ "$name" = postgres ]; then
    # fast shutdown: ends the sessions, writes a checkpoint; PostgreSQL's SIGINT does the same.
    runuser -u postgres -- "$pg_bin/pg_ctl" stop -m fast -D "$dir/postgres/data" -t "$stop_seconds" >/dev/null 2>&1 || kill -INT "$pid" 2>/dev/null || true
  else
    kill -TERM "$pid" 2>/dev/null || true
  fi
  local deadline=$((SECONDS + stop_seconds))
  while running "$pid" && (( SECONDS < deadline )); do sleep 0.2; done
  if running "$pid"; then
    echo "$name (pid $pid) still runs after $stop_seconds s: SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$(pidfile "$name")"
  echo "$name stopped"
}

remove_task_containers() {
  command -v docker >/dev/null && docker info >/dev/null 2>&1 || return 0
  local i ids
  for i in $(seq "$nodes"); do
    ids=$(docker ps -aq --filter "label=platform.node=agent-$i")
    if [ -n "$ids" ]; then
      # shellcheck disable=SC2086
      docker rm -f $ids >/dev/null && echo "removed the task containers of agent-$i"
    fi
  done
}

# The process runtime's tasks outlive their agent (as containers do); each runs in a cgroup under
# platform-<node> (cgroup v2, or the v1 pids hierarchy), which names them all.
remove_task_processes() {
  local i procs pid
  for i in $(seq "$nodes"); do
    while IFS= read -r procs; do
      while read -r pid; do
        kill -KILL "$pid" 2>/dev/null && echo "killed task process $pid of agent-$i"
      done <"$procs"
    done < <(find "/sys/fs/cgroup/platform-agent-$i" "/sys/fs/cgroup/pids/platform-agent-$i" -mindepth 2 -name cgroup.procs 2>/dev/null)
  done
  return 0
}

down() {
  load_config
  local name
  for name in $(names | tr ' ' '\n' | grep '^agent-'); do stop_one "$name"; done
  for name in gateway-1 gateway-2 silo-1 silo-2 postgres redis; do stop_one "$name"; done
  remove_task_containers
  remove_task_processes
  if [ -n "$purge" ]; then
    rm -rf "$dir"
    echo "deleted $dir"
  fi
}

status() {
  load_config
  local name pid state
  printf '%-10s %-8s %-6s %s\n' NAME PID STATE ADDRESS
  for name in $(names); do
    pid=$(pid_of "$name")
    if alive "$name"; then state=alive; else state=down; fi
    printf '%-10s %-8s %-6s %s\n' "$name" "${pid:--}" "$state" "$(address "$(offset "$name")"):$(port_of "$name")"
  done
}

# --- command line --------------------------------------------------------------------------------

[ $# -ge 1 ] || usage
command=$1; shift
target=""
case "$command" in start|stop) [ $# -ge 1 ] || usage; target=$1; shift ;; esac
while [ $# -gt 0 ]; do
  case "$1" in
    --nodes) nodes=${2:?--nodes needs a number}; nodes_given=1; shift 2 ;;
    --gpus-per-node) gpus=${2:?--gpus-per-node needs a number}; gpus_given=1; shift 2 ;;
    --dir) dir=${2:?--dir needs a directory}; shift 2 ;;
    --base-address) base=${2:?--base-address needs an address}; base_given=1; shift 2 ;;
    --no-build) build=""; shift ;;
    --purge) purge=1; shift ;;
    --env-file) extra_env=${2:?--env-file needs a file}; [ -f "$extra_env" ] || die "--env-file: $extra_env does not exist"; shift 2 ;;
    *) echo "unknown option $1" >&2; usage ;;
  esac
done
if [ "$command" = up ]; then mkdir -p "$dir"; fi
[ -d "$dir" ] || die "$dir does not exist: no cluster there"
dir=$(cd "$dir" && pwd)

case "$command" in
  up) up ;;
  down) down ;;
  status) status ;;
  start) load_config; offset "$target" >/dev/null; start_one "$target" ;;
  stop) load_config; offset "$target" >/dev/null; stop_one "$target" ;;
  *) usage ;;
esac
