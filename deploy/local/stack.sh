#!/usr/bin/env bash
# Laowu's local stack without Docker, from jars that Maven resolves:
#   kafka     Kafka (KRaft, one broker+controller)   127.0.0.1:$KAFKA_PORT (9092), controller 9093
#   es        OpenSearch with the Elasticsearch 7.10 REST API (see opensearch/pom.xml for why
#             not Elasticsearch 8)                   127.0.0.1:$ES_PORT (9200)
#   postgres  the machine's PostgreSQL               127.0.0.1:5432, databases laowu, laowu_test
#
# usage: stack.sh up | down | status | logs [kafka|es]
#        stack.sh kill-kafka | stop-kafka | start-kafka | kill-es | stop-es | start-es
#
# Jars are cached in ${LAOWU_CACHE:-~/.cache/laowu}; data, logs and pid files live in <repo>/.stack/.
# A port already served by something this clone did not start (e.g. another clone's stack) is
# used as it is: `up` does not start a second server and `down` leaves it alone.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
STACK=$REPO/.stack
CACHE=${LAOWU_CACHE:-$HOME/.cache/laowu}

KAFKA_PORT=${KAFKA_PORT:-9092}
KAFKA_CONTROLLER_PORT=${KAFKA_CONTROLLER_PORT:-$((KAFKA_PORT + 1))}
ES_PORT=${ES_PORT:-9200}
KAFKA_START_TIMEOUT=${KAFKA_START_TIMEOUT:-120}
ES_START_TIMEOUT=${ES_START_TIMEOUT:-180}
STOP_TIMEOUT=${STOP_TIMEOUT:-30}
JAVA=${STACK_JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/}java}

pom_prop() { sed -n "s:.*<$2>\(.*\)</$2>.*:\1:p" "$1" | head -n 1; }
KAFKA_VERSION=$(pom_prop "$HERE/kafka/pom.xml" kafka.version)
RUNNER_VERSION=$(pom_prop "$HERE/opensearch/pom.xml" opensearch.runner.version)
OS_VERSION=${RUNNER_VERSION%.*}
KAFKA_LIBS=$CACHE/kafka-$KAFKA_VERSION/libs
OS_LIBS=$CACHE/opensearch-$OS_VERSION/libs
KAFKA_LOG=$STACK/kafka/logs/server.log
ES_LOG=$STACK/es/logs/server.log

say() { printf '[stack] %s\n' "$*"; }
die() { printf '[stack] ERROR: %s\n' "$*" >&2; exit 1; }

# Each service logs to .stack/NAME/logs/{stdout,server}.log. launch() notes their sizes, so
# readiness checks and error reports look only at what the current start wrote.
declare -A LOG_OFFSET=()
new_log() { tail -c +"$((${LOG_OFFSET[$1]:-0} + 1))" "$1" 2>/dev/null; }

# fail NAME MESSAGE: error, with the last lines NAME's logs got since its start
fail() {
  printf '[stack] ERROR: %s\n' "$2" >&2
  for f in "$STACK/$1/logs/stdout.log" "$STACK/$1/logs/server.log"; do
    [[ -n $(new_log "$f" | head -c 1) ]] || continue
    printf -- '--- last lines of %s\n' "$f" >&2
    new_log "$f" | tail -n 30 >&2
  done
  exit 1
}

port_open() { timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; }

# Alive = exists and still holds its files. Not the cmdline test: that empties before the
# sockets close. After SIGKILL the main thread turns zombie (Z) while the other threads are
# still exiting and the shared fd table (with the listening port) is still open, so a zombie
# counts as gone only once it is the last thread left.
alive() {
  local st tasks
  st=$(sed 's/^.*) //' 2>/dev/null </proc/"$1"/stat | cut -d' ' -f1)
  [[ -n $st ]] || return 1
  [[ $st != [ZX] ]] && return 0
  tasks=(/proc/"$1"/task/*)
  ((${#tasks[@]} > 1))
}

# our_pid NAME: print the pid from .stack/NAME.pid if that process is alive and was started by
# this clone (the -Dlaowu.stack marker guards against a reused pid).
our_pid() {
  local f=$STACK/$1.pid pid
  [[ -f $f ]] || return 1
  pid=$(<"$f")
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  tr '\0' '\n' 2>/dev/null <"/proc/$pid/cmdline" | grep -qxF -- "-Dlaowu.stack=$STACK" || return 1
  echo "$pid"
}

# Serialises up/down/start/stop across clones on this machine (they share ports and the cache).
take_lock() {
  mkdir -p "$CACHE"
  exec 9>"$CACHE/.stack.lock"
  flock -w 900 9 || die "another stack.sh has held $CACHE/.stack.lock for 15 minutes"
}

# resolve LIBDIR POM LABEL: copy the pom's dependencies into LIBDIR, once per pom content.
resolve() {
  local dir=$1 pom=$2 label=$3 sum tmp t=$SECONDS
  sum=$(sha256sum "$pom" | cut -c1-64)
  [[ -f $dir/.pom.sha256 && $(<"$dir/.pom.sha256") == "$sum" ]] && return 0
  command -v mvn >/dev/null || die "mvn not found (needed once to fetch the $label jars)"
  say "resolving $label jars with Maven into $dir (first time: ~1 min)…"
  mkdir -p "$(dirname "$dir")"
  tmp=$dir.tmp.$$
  rm -rf "$tmp"
  if ! mvn -q -B -f "$pom" dependency:copy-dependencies -DoutputDirectory="$tmp" >"$tmp.log" 2>&1; then
    cat "$tmp.log" >&2
    rm -rf "$tmp" "$tmp.log"
    die "Maven could not resolve the $label jars"
  fi
  echo "$sum" >"$tmp/.pom.sha256"
  rm -rf "$dir" "$tmp.log"
  mv "$tmp" "$dir"   # whole or nothing: an interrupted copy is never taken for a cache
  say "$label jars ready ($(find "$dir" -name '*.jar' | wc -l) jars, $((SECONDS - t))s)"
}

# launch NAME OUTFILE JAVA_ARGS...: start java in its own session (so a test runner that kills
# its process group does not take the stack down). The child writes its pid before exec'ing
# java, so .stack/NAME.pid holds the java pid. 9>&-: the server must not inherit (and so hold
# forever) the lock that take_lock put on fd 9.
launch() {
  local name=$1 out=$2 pidf=$STACK/$1.pid f
  shift 2
  rm -f "$pidf"
  for f in "$STACK/$name/logs/stdout.log" "$STACK/$name/logs/server.log"; do
    LOG_OFFSET[$f]=$(stat -c %s "$f" 2>/dev/null || echo 0)
  done
  setsid bash -c 'echo $$ >"$0"; exec "$@"' "$pidf" \
    "$JAVA" "-Dlaowu.stack=$STACK" "$@" >>"$out" 2>&1 </dev/null 9>&- &
  for _ in $(seq 50); do [[ -s $pidf ]] && return 0; sleep 0.1; done
  die "could not launch $name"
}

# wait_ready NAME TIMEOUT PID CHECK...: print a dot a second until CHECK passes; fail with
# the logs when PID dies or TIMEOUT runs out.
wait_ready() {
  local name=$1 timeout=$2 pid=$3 start=$SECONDS
  shift 3
  printf '[stack] waiting for %s ' "$name"
  until "$@"; do
    if ! alive "$pid"; then
      printf '\n'; rm -f "$STACK/$name.pid"
      fail "$name" "$name exited while starting"
    fi
    if ((SECONDS - start >= timeout)); then
      printf '\n'; fail "$name" "$name did not answer within ${timeout}s (pid $pid still runs; 'stack.sh down' stops it)"
    fi
    printf '.'; sleep 1
  done
  printf ' ready (%ss)\n' $((SECONDS - start))
}

# stop NAME SIGNAL [strict]: signal our process and wait for it to go (SIGKILL after
# STOP_TIMEOUT). A server this clone did not start is left alone; with "strict" (the fault
# helpers) that is an error, so a test never believes it killed something it did not.
stop() {
  local name=$1 sig=$2 strict=${3:-} pid t killed=0
  if ! pid=$(our_pid "$name"); then
    rm -f "$STACK/$name.pid"
    if port_open "$(port_of "$name")"; then
      [[ -n $strict ]] && die "$name on port $(port_of "$name") was not started by this clone: not touching it"
      say "$name: the server on port $(port_of "$name") was not started by this clone: leaving it"
    else
      say "$name: not running"
    fi
    return 0
  fi
  say "stopping $name (pid $pid, SIG$sig)…"
  kill -"$sig" "$pid" 2>/dev/null || true
  t=$SECONDS
  while alive "$pid"; do
    if ((!killed && SECONDS - t >= STOP_TIMEOUT)); then
      say "$name still there after ${STOP_TIMEOUT}s: SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      killed=1
    fi
    sleep 0.2
  done
  rm -f "$STACK/$name.pid"
  say "$name stopped ($((SECONDS - t))s)"
}

port_of() { case $1 in kafka) echo "$KAFKA_PORT" ;; es) echo "$ES_PORT" ;; esac; }

# ---------------------------------------------------------------- Kafka
kafka_config() {
  local data=$STACK/kafka/data
  mkdir -p "$data" "$STACK/kafka/logs"
  cat >"$STACK/kafka/server.properties" <<EOF
# generated by deploy/local/stack.sh on each start
process.roles=broker,controller
node.id=1
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
controller.quorum.bootstrap.servers=127.0.0.1:$KAFKA_CONTROLLER_PORT
log.dirs=$data
num.partitions=3
default.replication.factor=1
# Laowu's apps create their topics from TOPIC_SPECS; a broker default would race them.
auto.create.topics.enable=false
offsets.topic.replication.factor=1
# 50 by default: creating them on the first consumer group join costs seconds here
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
# After a SIGKILL the restarted controller keeps the dead broker's registration until its
# session expires (9s by default), so kill-kafka/start-kafka would wait that long.
broker.session.timeout.ms=4000
broker.heartbeat.interval.ms=1000
log.cleaner.enable=true
EOF
  # KRaft keeps the controller endpoint in its metadata: other ports need freshly formatted storage.
  local ports="$KAFKA_PORT $KAFKA_CONTROLLER_PORT"
  if [[ -f $data/meta.properties && $(cat "$data/.laowu-ports" 2>/dev/null) != "$ports" ]]; then
    say "Kafka ports changed: wiping $data"
    rm -rf "$data" && mkdir -p "$data"
  fi
  if [[ ! -f $data/meta.properties ]]; then
    local id
    # a cluster id is 16 random bytes in url-safe base64 (what `StorageTool random-uuid` prints)
    until id=$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '='); [[ $id != -* ]]; do :; done
    say "formatting Kafka storage (cluster id $id)…"
    "$JAVA" -cp "$KAFKA_LIBS/*" -Dlog4j2.configurationFile="$HERE/kafka/log4j2.properties" \
      -Dkafka.logs.dir="$STACK/kafka/logs" kafka.tools.StorageTool format --standalone \
      -t "$id" -c "$STACK/kafka/server.properties" >>"$STACK/kafka/logs/stdout.log" 2>&1 9>&- \
      || fail kafka "formatting Kafka storage failed"
    echo "$ports" >"$data/.laowu-ports"
  fi
}

# Kafka binds its port before the broker is usable; the "started" line comes after it is unfenced.
kafka_ready() { port_open "$KAFKA_PORT" && new_log "$KAFKA_LOG" | grep -q 'Kafka Server started'; }

# kafka_start: sets KAFKA_WAIT to the pid to wait for, if any.
kafka_start() {
  local pid
  KAFKA_WAIT=
  if pid=$(our_pid kafka); then
    if port_open "$KAFKA_PORT"; then say "Kafka already running (pid $pid) on 127.0.0.1:$KAFKA_PORT"; return; fi
    KAFKA_WAIT=$pid   # ours but not answering yet: still starting
    return
  fi
  if port_open "$KAFKA_PORT"; then
    say "using the Kafka already on $KAFKA_PORT (not started by this clone)"
    return
  fi
  resolve "$KAFKA_LIBS" "$HERE/kafka/pom.xml" "Kafka $KAFKA_VERSION"
  kafka_config
  say "starting Kafka $KAFKA_VERSION on 127.0.0.1:$KAFKA_PORT…"
  launch kafka "$STACK/kafka/logs/stdout.log" \
    -Xms256m -Xmx512m -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$HERE/kafka/log4j2.properties" -Dkafka.logs.dir="$STACK/kafka/logs" \
    -cp "$KAFKA_LIBS/*" kafka.Kafka "$STACK/kafka/server.properties"
  KAFKA_WAIT=$(<"$STACK/kafka.pid")
}

kafka_wait() {
  [[ -n $KAFKA_WAIT ]] || return 0
  wait_ready kafka "$KAFKA_START_TIMEOUT" "$KAFKA_WAIT" kafka_ready
}

# ---------------------------------------------------------------- search (OpenSearch)
es_ready() { curl -fsS -m 5 "http://127.0.0.1:$ES_PORT/_cluster/health?wait_for_status=yellow&timeout=2s" >/dev/null 2>&1; }

es_start() {
  local pid
  ES_WAIT=
  if pid=$(our_pid es); then
    if es_ready; then say "search (OpenSearch) already running (pid $pid) on 127.0.0.1:$ES_PORT"; return; fi
    ES_WAIT=$pid
    return
  fi
  if port_open "$ES_PORT"; then
    say "using the search server already on $ES_PORT (not started by this clone)"
    return
  fi
  resolve "$OS_LIBS" "$HERE/opensearch/pom.xml" "OpenSearch $OS_VERSION"
  local dir=$STACK/es
  mkdir -p "$dir/config" "$dir/data" "$dir/logs" "$dir/tmp" "$dir/launcher"
  cp "$HERE/opensearch/opensearch.yml" "$HERE/opensearch/log4j2.properties" "$dir/config/"
  if [[ ! $dir/launcher/SearchNode.class -nt $HERE/opensearch/SearchNode.java ]]; then
    local javac
    javac=$(dirname "$(readlink -f "$(command -v "$JAVA")")")/javac
    "$javac" -nowarn -cp "$OS_LIBS/*" -d "$dir/launcher" "$HERE/opensearch/SearchNode.java" \
      || die "compiling opensearch/SearchNode.java failed (needs a JDK's javac next to $JAVA)"
  fi
  say "starting OpenSearch $OS_VERSION on 127.0.0.1:$ES_PORT…"
  # -baseHttpPort: the runner gives node N the port base+N.
  launch es "$dir/logs/stdout.log" \
    -Xms1g -Xmx1g -XX:+UseG1GC -Djava.awt.headless=true -Dfile.encoding=UTF-8 \
    -Dlog4j2.formatMsgNoLookups=true -Djava.io.tmpdir="$dir/tmp" \
    -cp "$dir/launcher:$OS_LIBS/*" SearchNode \
    -basePath "$dir" -confPath "$dir/config" -dataPath "$dir/data" -logsPath "$dir/logs" \
    -numOfNode 1 -clusterName laowu -baseHttpPort $((ES_PORT - 1)) -printOnFailure
  ES_WAIT=$(<"$STACK/es.pid")
}

es_wait() {
  [[ -n $ES_WAIT ]] || return 0
  wait_ready es "$ES_START_TIMEOUT" "$ES_WAIT" es_ready
}

# ---------------------------------------------------------------- PostgreSQL
pg() { psql -h 127.0.0.1 -U postgres -X -At -v ON_ERROR_STOP=1 "$@"; }

pg_answers() {
  if [[ -n ${DATABASE_URL:-} ]]; then psql "$DATABASE_URL" -X -Atqc 'select 1' >/dev/null 2>&1
  else pg_isready -q -h 127.0.0.1 -p 5432; fi
}

pg_up() {
  if [[ -n ${DATABASE_URL:-} ]]; then
    pg_answers && say "PostgreSQL at DATABASE_URL answers" || die "PostgreSQL at DATABASE_URL does not answer"
    return
  fi
  if ! pg_answers; then
    local ver
    ver=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1)
    [[ -n $ver ]] || die "PostgreSQL does not answer on 127.0.0.1:5432 and is not installed (no /etc/postgresql)"
    say "PostgreSQL does not answer: starting cluster $ver/main…"
    pg_ctlcluster --skip-systemctl-redirect "$ver" main start 9>&- || die "could not start PostgreSQL $ver/main"
    for _ in $(seq 30); do pg_answers && break; sleep 1; done
    pg_answers || die "PostgreSQL $ver/main started but does not answer on 127.0.0.1:5432"
  fi
  for db in laowu laowu_test; do
    if [[ $(pg -c "select 1 from pg_database where datname = '$db'") != 1 ]]; then
      pg -q -c "create database $db" && say "created database $db"
    fi
  done
  say "PostgreSQL answers on 127.0.0.1:5432 (databases laowu, laowu_test)"
}

# ---------------------------------------------------------------- commands
status() {
  local ok=0 pid v
  if port_open "$KAFKA_PORT"; then
    pid=$(our_pid kafka) && v="pid $pid" || v="not started by this clone"
    say "kafka     up    127.0.0.1:$KAFKA_PORT  (Kafka $KAFKA_VERSION, $v)"
  else
    say "kafka     DOWN  127.0.0.1:$KAFKA_PORT"; ok=3
  fi
  if v=$(curl -fsS -m 5 "http://127.0.0.1:$ES_PORT/" 2>/dev/null); then
    v=$(sed -n 's/.*"number" *: *"\([^"]*\)".*/\1/p' <<<"$v" | head -n 1)
    pid=$(our_pid es) && pid="pid $pid" || pid="not started by this clone"
    say "es        up    127.0.0.1:$ES_PORT  (OpenSearch $v, $pid)"
  else
    say "es        DOWN  127.0.0.1:$ES_PORT"; ok=3
  fi
  local where=127.0.0.1:5432
  [[ -n ${DATABASE_URL:-} ]] && where="(DATABASE_URL)"
  if pg_answers; then say "postgres  up    $where"
  else say "postgres  DOWN  $where"; ok=3; fi
  return $ok
}

up() {
  take_lock
  local t=$SECONDS
  pg_up
  # Launch both JVMs, then wait: their start-ups overlap.
  kafka_start
  es_start
  kafka_wait
  es_wait
  say "stack up ($((SECONDS - t))s): KAFKA_BROKERS=127.0.0.1:$KAFKA_PORT ELASTICSEARCH_URL=http://127.0.0.1:$ES_PORT"
}

down() {
  take_lock
  # SIGTERM both first so their shutdowns overlap
  local p s
  local -A signalled=()
  for s in es kafka; do p=$(our_pid $s) && signalled[$s]=$p && kill -TERM "$p" 2>/dev/null || true; done
  for s in es kafka; do
    # one that is gone already stopped on the SIGTERM above
    if [[ -n ${signalled[$s]:-} ]] && ! alive "${signalled[$s]}"; then
      rm -f "$STACK/$s.pid"
      say "$s stopped"
    else
      stop $s TERM
    fi
  done
}

logs() {
  case ${1:-all} in
    kafka) tail -n 60 "$KAFKA_LOG" ;;
    es) tail -n 60 "$ES_LOG" ;;
    all) for f in "$KAFKA_LOG" "$ES_LOG"; do if [[ -f $f ]]; then echo "==> $f"; tail -n 30 "$f"; fi; done ;;
    *) die "logs: kafka or es" ;;
  esac
}

mkdir -p "$STACK"
case ${1:-} in
  up) up ;;
  down) down ;;
  status) status ;;
  logs) logs "${2:-all}" ;;
  start-kafka) take_lock; kafka_start; kafka_wait ;;
  stop-kafka) take_lock; stop kafka TERM strict ;;
  kill-kafka) take_lock; stop kafka KILL strict ;;
  start-es) take_lock; es_start; es_wait ;;
  stop-es) take_lock; stop es TERM strict ;;
  kill-es) take_lock; stop es KILL strict ;;
  *) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
