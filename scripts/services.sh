#!/usr/bin/env bash
# Helpers for scripts/test.sh: install test dependencies, start and stop throwaway servers.
# Servers bind to 127.0.0.1 only and keep their data under a temporary folder.

APT_PACKAGES=(chromium fonts-noto-cjk postgresql redis-server docker-compose nginx-light default-jre-headless sqlite3)

install_test_dependencies() {
  local missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  [ -d /usr/share/fonts/opentype/noto ] || missing+=(fonts-noto-cjk)
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
  command -v redis-server >/dev/null || missing+=(redis-server)
  command -v docker-compose >/dev/null || missing+=(docker-compose)
  command -v java >/dev/null || missing+=(default-jre-headless)
  command -v sqlite3 >/dev/null || missing+=(sqlite3)
  command -v npm >/dev/null || missing+=(nodejs npm)
  # nginx checks deploy/nginx.conf (nginx -t) and runs it in front of two portal instances
  # (ScaleOut/ServingThroughNginx), on 127.0.0.1 at a free port.
  [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
  # ffprobe checks video uploads and ffmpeg takes their poster frames (and makes the tests' sample videos).
  command -v ffprobe >/dev/null || missing+=(ffmpeg)
  if [ "${#missing[@]}" -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ]; then
      echo "Missing packages: ${missing[*]}. Run as root, or: sudo apt-get install ${missing[*]}" >&2
      return 1
    fi
    echo "Installing: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get -o DPkg::Lock::Timeout=300 update -qq
    # Keep the packages' own services (nginx on port 80, PostgreSQL, Redis) from starting on install:
    # the tests start their own, on 127.0.0.1, with throwaway data.
    local added_policy=""
    if [ ! -e /usr/sbin/policy-rc.d ]; then
      printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
      chmod 755 /usr/sbin/policy-rc.d
      added_policy=1
    fi
    apt-get -o DPkg::Lock::Timeout=300 install -y -qq "${missing[@]}" >/dev/null
    [ -z "$added_policy" ] || rm -f /usr/sbin/policy-rc.d
  fi
  dotnet tool restore >/dev/null
  # The W3C Nu HTML Checker (vnu-jar) and axe-core, pinned in tests/tools/package-lock.json.
  (cd "$(dirname "${BASH_SOURCE[0]}")/../tests/tools" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
}

SERVICES_DIR=""
PG_BIN=""

start_test_services() {
  SERVICES_DIR=$(mktemp -d /tmp/newsportal-services.XXXXXX)
  chmod 755 "$SERVICES_DIR"
  local pg_port=${NEWSPORTAL_TEST_PG_PORT:-55432}
  local redis_port=${NEWSPORTAL_TEST_REDIS_PORT:-56379}

  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  mkdir -p "$SERVICES_DIR/pg"
  local run_as=()
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres:postgres "$SERVICES_DIR/pg"
    run_as=(runuser -u postgres --)
  fi
  "${run_as[@]}" "$PG_BIN/initdb" -D "$SERVICES_DIR/pg/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  "${run_as[@]}" "$PG_BIN/pg_ctl" -D "$SERVICES_DIR/pg/data" -l "$SERVICES_DIR/pg/log" -w \
    -o "-h 127.0.0.1 -p $pg_port -k $SERVICES_DIR/pg -c fsync=off -c max_connections=300" start >/dev/null

  redis-server --bind 127.0.0.1 --port "$redis_port" --save "" --appendonly no \
    --dir "$SERVICES_DIR" --daemonize yes --pidfile "$SERVICES_DIR/redis.pid" --logfile "$SERVICES_DIR/redis.log"

  export NEWSPORTAL_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
  export NEWSPORTAL_TEST_REDIS="127.0.0.1:$redis_port"
  echo "PostgreSQL on 127.0.0.1:$pg_port, Redis on 127.0.0.1:$redis_port"
}

stop_test_services() {
  [ -n "$SERVICES_DIR" ] || return 0
  if [ -f "$SERVICES_DIR/redis.pid" ]; then kill "$(cat "$SERVICES_DIR/redis.pid")" 2>/dev/null || true; fi
  local run_as=()
  [ "$(id -u)" -eq 0 ] && run_as=(runuser -u postgres --)
  "${run_as[@]}" "$PG_BIN/pg_ctl" -D "$SERVICES_DIR/pg/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$SERVICES_DIR"
}
