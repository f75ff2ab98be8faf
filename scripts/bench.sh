#!/usr/bin/env bash
# NewsPortal benchmark: one command, from a fresh clone (as root it installs wrk and sqlite3 with apt).
#
#   bash scripts/bench.sh
#
# Builds Release, generates SQLite databases of 1,000 and 100,000 articles, starts the server on
# 127.0.0.1 for each, and measures with wrk at 32 connections for a bounded time per page: home, an
# article, section page 1 and the section's last page (page 5,000 at 100,000), a search, the Chinese home page and
# article (under /zh), and a 12 KB
# static file from the same server's wwwroot as the ceiling. Runs once with the output cache on and once
# with it off. Prints requests/s, p50 and p99, each page's ratio to the static file, the 100,000/1,000
# cost ratio for each page, the server's peak resident memory, and each target of the portal's speed beside its
# figure with a pass or fail; writes the same to BENCHMARKS.md.
#
# Each server is warmed up first with load on every page in turn (BENCH_WARMUP seconds in all): .NET
# compiles hot code again, optimised, only after it has run for a while, and on 2 busy cores that takes
# tens of seconds; measuring before then would report start-up speed, not the steady state.
#
# Settings (environment): BENCH_DURATION (seconds per page, default 10), BENCH_WARMUP (30), BENCH_CONNECTIONS (32),
# BENCH_SIZES ("1000 100000"), BENCH_PROVIDER (Sqlite, or Postgres with BENCH_POSTGRES set to a
# connection string of a server the benchmark may create databases on), BENCH_OUTPUT (BENCHMARKS.md).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DURATION=${BENCH_DURATION:-10}
WARMUP=${BENCH_WARMUP:-30}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
SIZES=${BENCH_SIZES:-"1000 100000"}
PROVIDER=${BENCH_PROVIDER:-Sqlite}
PROVIDER_NAME=$([ "$PROVIDER" = Postgres ] && echo PostgreSQL || echo SQLite)
# Each provider's run goes to its own file; BENCHMARKS.md is then put together from the runs there are and
# tests/NewsPortal.Benchmarks/where-the-time-goes.md (what the profiles show).
OUTPUT=${BENCH_OUTPUT:-$ROOT/BENCHMARKS-$(tr '[:upper:]' '[:lower:]' <<<"$PROVIDER_NAME").md}
WORK="$ROOT/.bench"
PORT=${BENCH_PORT:-5099}
BASE="http://127.0.0.1:$PORT"

need=()
command -v wrk >/dev/null || need+=(wrk)
command -v sqlite3 >/dev/null || need+=(sqlite3)
if [ "${#need[@]}" -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then echo "Please install: ${need[*]}" >&2; exit 1; fi
  apt-get -o DPkg::Lock::Timeout=300 update -qq
  apt-get -o DPkg::Lock::Timeout=300 install -y -qq "${need[@]}" >/dev/null
fi

mkdir -p "$WORK"
echo "Building Release..."
dotnet publish "$ROOT/src/NewsPortal.Web" -c Release -o "$WORK/app" --nologo -v quiet >/dev/null
dotnet build "$ROOT/tests/NewsPortal.Benchmarks" -c Release --nologo -v quiet >/dev/null
GENERATOR="$ROOT/tests/NewsPortal.Benchmarks/bin/Release/net10.0/NewsPortal.Benchmarks.dll"

# The web root the benchmark serves: the site's own wwwroot/ plus the 12 KB static file every page is measured
# against. The file is not part of the site, so it is not in wwwroot/ (and not in a published build).
rm -rf "$WORK/webroot"
cp -r "$ROOT/wwwroot" "$WORK/webroot"
mkdir -p "$WORK/webroot/bench"
cp "$ROOT/tests/NewsPortal.Benchmarks/static-12k.html" "$WORK/webroot/bench/static-12k.html"

SERVER_PID=""
stop_server() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""; fi
}
trap stop_server EXIT

# start_server DB_CONNECTION_STRING CACHE_ENABLED
start_server() {
  (cd "$WORK/app" && exec env ASPNETCORE_ENVIRONMENT=Production \
    Database__Provider="$PROVIDER" Database__ConnectionString="$1" \
    OutputCache__Enabled="$2" Serilog__MinimumLevel__Default=Warning \
    Serilog__WriteTo__1__Args__path="$WORK/logs/server-.log" \
    dotnet NewsPortal.Web.dll --urls "$BASE" --webroot "$WORK/webroot" >"$WORK/server.out" 2>&1) &
  SERVER_PID=$!
  for _ in $(seq 1 120); do
    if curl -fs "$BASE/health" >/dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  echo "The server did not start:" >&2; cat "$WORK/server.out" >&2; exit 1
}

peak_rss_mb() { awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$SERVER_PID/status"; }

to_ms() { # wrk latency like 812.00us, 1.23ms, 2.01s
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n = n / 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n = n * 1000; printf "%.2f", n }'
}

# measure NAME PATH -> appends "NAME rps p50 p99 errors" to $RESULTS
measure() {
  local name=$1 path=$2 out
  local status
  status=$(curl -s -o /dev/null -w "%{http_code}" "$BASE$path")
  if [ "$status" != "200" ]; then
    echo "$name n/a n/a n/a status-$status" >>"$RESULTS"; return
  fi
  wrk -t2 -c"$CONNECTIONS" -d2s "$BASE$path" >/dev/null 2>&1 || true
  out=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 5s --latency "$BASE$path")
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ { print $2 }' <<<"$out")
  p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")
  p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")
  errors=$(awk '/Non-2xx/ { print $5 } /Socket errors/ { s = $4 + $6 + $8 + $10 } END { }' <<<"$out" | head -1)
  echo "$name $rps $p50 $p99 ${errors:-0}" >>"$RESULTS"
}

# keep_best_static: of the two static-file rows in $RESULTS, keeps the one with more requests/s, first.
keep_best_static() {
  local best rest
  best=$(awk '$1 == "static"' "$RESULTS" | sort -k2 -g -r | head -1)
  rest=$(awk '$1 != "static"' "$RESULTS")
  printf '%s\n%s\n' "$best" "$rest" >"$RESULTS"
}

ROWS="$WORK/rows.txt"
: >"$ROWS"
MEMORY="$WORK/memory.txt"
: >"$MEMORY"
report=$(mktemp)
{
  echo "# Benchmarks: $PROVIDER_NAME"
  echo
  echo "Produced by \`bash scripts/bench.sh\` (BENCH_DURATION=$DURATION, BENCH_WARMUP=$WARMUP, BENCH_CONNECTIONS=$CONNECTIONS, BENCH_PROVIDER=$PROVIDER)"
  echo "on $(date -u +%Y-%m-%d), $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), .NET $(dotnet --version)."
  echo "wrk runs on the same machine as the server (loopback), so figures are ratios within one run."
  echo
} >"$report"

for size in $SIZES; do
  case "$PROVIDER" in
    Sqlite)
      db="$WORK/bench-$size.db"
      if [ ! -f "$db" ]; then
        echo "Generating $size articles..."
        dotnet "$GENERATOR" generate --articles "$size" --db "$db"
      fi
      connection="Data Source=$db"
      slug=$(sqlite3 "$db" "SELECT Slug FROM Articles WHERE SectionId = 1 ORDER BY Id LIMIT 1 OFFSET $((size / 2));")
      ;;
    Postgres)
      : "${BENCH_POSTGRES:?set BENCH_POSTGRES to a PostgreSQL connection string}"
      connection="$BENCH_POSTGRES;Database=newsportal_bench_$size"
      echo "Generating $size articles on PostgreSQL..."
      dotnet "$GENERATOR" generate --articles "$size" --provider Postgres --connection "$connection"
      slug=$(dotnet "$GENERATOR" slug --provider Postgres --connection "$connection" --offset $((size / 2)))
      ;;
  esac
  last_page=$(( (size + 19) / 20 ))
  for cache in true false; do
    echo "== $size articles, output cache $cache =="
    RESULTS=$(mktemp)
    start_server "$connection" "$cache"
    pages=("/bench/static-12k.html" "/" "/article/$slug" "/section/city" "/section/city?page=$last_page" "/search?q=river+market" "/zh/" "/zh/article/$slug")
    for path in "${pages[@]}"; do
      wrk -t2 -c"$CONNECTIONS" -d"$(( (WARMUP + ${#pages[@]} - 1) / ${#pages[@]} ))s" "$BASE$path" >/dev/null 2>&1 || true
    done
    # The static file is measured first and last and the higher figure kept, so a slow moment of a shared machine
    # during one measurement does not lower the ceiling every page is compared with. Each Chinese page is measured
    # right after its English one, so the two meet the machine in the same state.
    measure static "/bench/static-12k.html"
    measure home "/"
    measure home-zh "/zh/"
    measure article "/article/$slug"
    measure article-zh "/zh/article/$slug"
    measure section-page-1 "/section/city"
    measure "section-page-$last_page" "/section/city?page=$last_page"
    measure search "/search?q=river+market"
    measure static "/bench/static-12k.html"
    keep_best_static
    rss=$(peak_rss_mb)
    stop_server

    static_rps=$(awk '$1 == "static" { print $2 }' "$RESULTS")
    {
      echo "## $size articles, output cache $([ "$cache" = true ] && echo on || echo off)"
      echo
      echo "| page | requests/s | p50 ms | p99 ms | vs static file | non-2xx |"
      echo "|---|---:|---:|---:|---:|---:|"
      while read -r name rps p50 p99 errors; do
        ratio=$(awk -v a="$rps" -v b="$static_rps" 'BEGIN { if (a + 0 > 0 && b + 0 > 0) printf "%.0f%%", 100 * a / b; else print "n/a" }')
        echo "| $name | $rps | $p50 | $p99 | $ratio | $errors |"
        key=$name
        [[ "$name" == section-page-* && "$name" != section-page-1 ]] && key=section-last-page
        echo "$cache $size $key $rps $p99 $static_rps" >>"$ROWS"
      done <"$RESULTS"
      echo
      echo "Peak resident memory of the server: ${rss} MB"
      echo
      echo "$cache $size memory $rss" >>"$MEMORY"
    } | tee -a "$report"
    rm -f "$RESULTS"
  done
done

cost_ratio() { # CACHE SMALL LARGE KEY
  awk -v c="$1" -v s="$2" -v l="$3" -v k="$4" '
    $1 == c && $2 == s && $3 == k { a = $4 } $1 == c && $2 == l && $3 == k { b = $4 }
    END { if (a + 0 > 0 && b + 0 > 0) printf "%.2f", a / b; else print "n/a" }' "$ROWS"
}

read -r -a size_list <<<"$SIZES"
if [ "${#size_list[@]}" -ge 2 ]; then
  small=${size_list[0]}; large=${size_list[-1]}
  {
    echo "## Cost at $large articles relative to $small (requests/s at $small divided by requests/s at $large; 1.00 = no slower)"
    echo
    echo "| page | output cache on | output cache off |"
    echo "|---|---:|---:|"
    for key in home article section-page-1 section-last-page search; do
      on=$(cost_ratio true "$small" "$large" "$key")
      off=$(cost_ratio false "$small" "$large" "$key")
      echo "| $key | $on | $off |"
    done
    echo
    echo "The section's last page is page $(( (small + 19) / 20 )) at $small articles and page $(( (large + 19) / 20 )) at $large."
  } | tee -a "$report"
fi

# The targets, each beside its figure with a pass or fail.
verdict() { awk -v v="$1" -v op="$2" -v t="$3" 'BEGIN { if (v == "n/a") print "n/a"; else if ((op == ">=" && v + 0 >= t) || (op == "<=" && v + 0 <= t) || (op == "<" && v + 0 < t)) print "pass"; else print "FAIL" }'; }
ratio_of() { # CACHE SIZE KEY -> percent of the static file
  awk -v c="$1" -v s="$2" -v k="$3" '$1 == c && $2 == s && $3 == k && $6 + 0 > 0 { printf "%.1f", 100 * $4 / $6; found = 1 } END { if (!found) print "n/a" }' "$ROWS"
}
rps_of() { awk -v c="$1" -v s="$2" -v k="$3" '$1 == c && $2 == s && $3 == k { print $4; found = 1 } END { if (!found) print "n/a" }' "$ROWS"; }
p99_of() { awk -v c="$1" -v s="$2" -v k="$3" '$1 == c && $2 == s && $3 == k { print $5; found = 1 } END { if (!found) print "n/a" }' "$ROWS"; }
{
  echo "## Targets"
  echo
  echo "| target | figure | result |"
  echo "|---|---:|---|"
  for size in $SIZES; do
    for spec in "article 20" "section-page-1 15" "search 10" "home 10"; do
      read -r key target <<<"$spec"
      figure=$(ratio_of false "$size" "$key")
      echo "| $key, output cache off, $size articles: at least $target% of the static file | $figure% | $(verdict "$figure" ">=" "$target") |"
    done
    for key in home article section-page-1 section-last-page search home-zh article-zh; do
      figure=$(ratio_of true "$size" "$key")
      p99=$(p99_of true "$size" "$key")
      echo "| $key, output cache on, $size articles: at least 80% of the static file | $figure% | $(verdict "$figure" ">=" 80) |"
      echo "| $key, output cache on, $size articles: p99 under 10 ms | $p99 ms | $(verdict "$p99" "<" 10) |"
    done
    # The Chinese pages (under /zh) as fast as the English ones: at least 90% of their requests per second.
    for key in home article; do
      figure=$(awk -v a="$(rps_of true "$size" "$key-zh")" -v b="$(rps_of true "$size" "$key")" 'BEGIN { if (a + 0 > 0 && b + 0 > 0) printf "%.0f", 100 * a / b; else print "n/a" }')
      echo "| $key-zh, output cache on, $size articles: at least 90% of the English page | $figure% | $(verdict "$figure" ">=" 90) |"
    done
  done
  if [ "${#size_list[@]}" -ge 2 ]; then
    for cache in false true; do
      for key in home article section-page-1 section-last-page search; do
        figure=$(cost_ratio "$cache" "$small" "$large" "$key")
        echo "| $key, output cache $([ "$cache" = true ] && echo on || echo off): $large articles within 1.2x of $small | $figure | $(verdict "$figure" "<=" 1.2) |"
      done
    done
  fi
  while read -r cache size _ rss; do
    echo "| resident memory under load, output cache $([ "$cache" = true ] && echo on || echo off), $size articles: below 200 MB | $rss MB | $(verdict "$rss" "<" 200) |"
  done <"$MEMORY"
  echo
} | tee -a "$report"

cp "$report" "$OUTPUT"
rm -f "$report"
echo "Written to $OUTPUT"
if [ -z "${BENCH_OUTPUT:-}" ]; then
  {
    echo "# Benchmarks"
    echo
    echo "One run of \`bash scripts/bench.sh\` per database provider (SQLite, then PostgreSQL with \`BENCH_PROVIDER=Postgres\`),"
    echo "each copied from its own file (BENCHMARKS-sqlite.md, BENCHMARKS-postgresql.md), then what the profiles show."
    echo
    for part in "$ROOT/BENCHMARKS-sqlite.md" "$ROOT/BENCHMARKS-postgresql.md" "$ROOT/tests/NewsPortal.Benchmarks/where-the-time-goes.md"; do
      if [ -f "$part" ]; then sed 's/^#/##/' "$part"; echo; fi
    done
  } >"$ROOT/BENCHMARKS.md"
  echo "BENCHMARKS.md put together from the runs there are."
fi
