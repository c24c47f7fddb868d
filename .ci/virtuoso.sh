#!/usr/bin/env bash
# Start or stop a throwaway OpenLink Virtuoso (Debian's virtuoso-opensource) on 127.0.0.1.
#
#   .ci/virtuoso.sh start DIR   # fresh database in DIR; prints the variables the tests read
#   .ci/virtuoso.sh stop DIR    # stops the server started in DIR
#
# Ports come from VIRTUOSO_SQL_PORT (default 1111) and VIRTUOSO_HTTP_PORT (default 8890).
# A fresh database has the account dba/dba; the tests write through the digest-authenticated
# endpoints /sparql-auth and /sparql-graph-crud-auth with it.
set -euo pipefail

action=${1:?usage: virtuoso.sh start|stop DIR}
dir=${2:?usage: virtuoso.sh start|stop DIR}
sql_port=${VIRTUOSO_SQL_PORT:-1111}
http_port=${VIRTUOSO_HTTP_PORT:-8890}
wait_seconds=${VIRTUOSO_WAIT:-60}

case "$action" in
start)
  command -v virtuoso-t >/dev/null || { echo "virtuoso-t not found: apt-get install virtuoso-opensource" >&2; exit 1; }
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  cat >"$dir/virtuoso.ini" <<EOF
[Database]
DatabaseFile = $dir/virtuoso.db
ErrorLogFile = $dir/virtuoso.log
LockFile = $dir/virtuoso.lck
TransactionFile = $dir/virtuoso.trx
xa_persistent_file = $dir/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = $dir/virtuoso-temp.db
TransactionFile = $dir/virtuoso-temp.trx
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:$sql_port
DisableUnixSocket = 1
MaxClientConnections = 20
CheckpointInterval = 60
CaseMode = 2
DirsAllowed = ., $dir
NumberOfBuffers = 170000
MaxDirtyBuffers = 130000
MaxQueryMem = 1G
ThreadsPerQuery = 2

[HTTPServer]
ServerPort = 127.0.0.1:$http_port
ServerRoot = $dir
MaxClientConnections = 20
ServerThreads = 20
EnabledDavVSP = 0
Charset = UTF-8
KeepAliveTimeout = 10
MaxKeepAlives = 20

[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryCostEstimationTime = 400
MaxQueryExecutionTime = 120
MaxSortedTopRows = 1000000
EOF
  # the server is a direct child with no descriptor of ours, so $(...) callers do not wait on it
  cd "$dir"
  nohup virtuoso-t +foreground +configfile "$dir/virtuoso.ini" >"$dir/stdout.log" 2>&1 </dev/null &
  echo $! >"$dir/virtuoso.pid"
  cd - >/dev/null
  url="http://127.0.0.1:$http_port"
  for _ in $(seq 1 "$wait_seconds"); do
    if curl -sf -o /dev/null "$url/sparql?query=ASK%7B%7D"; then
      echo "export KGRAPH_VIRTUOSO_URL=$url"
      echo "export KGRAPH_VIRTUOSO_USER=dba"
      echo "export KGRAPH_VIRTUOSO_PASSWORD=dba"
      exit 0
    fi
    if ! kill -0 "$(cat "$dir/virtuoso.pid")" 2>/dev/null; then
      echo "virtuoso exited during start-up:" >&2
      tail -20 "$dir/virtuoso.log" "$dir/stdout.log" >&2 || true
      exit 1
    fi
    sleep 1
  done
  echo "virtuoso did not answer on $url within ${wait_seconds}s:" >&2
  tail -20 "$dir/virtuoso.log" >&2 || true
  kill "$(cat "$dir/virtuoso.pid")" 2>/dev/null || true
  exit 1
  ;;
stop)
  [ -f "$dir/virtuoso.pid" ] || exit 0
  pid=$(cat "$dir/virtuoso.pid")
  kill "$pid" 2>/dev/null || exit 0
  for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || exit 0; sleep 1; done
  kill -9 "$pid" 2>/dev/null || true
  ;;
*)
  echo "usage: virtuoso.sh start|stop DIR" >&2
  exit 2
  ;;
esac
