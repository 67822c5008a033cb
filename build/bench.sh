#!/usr/bin/env bash
# Benchmarks of the skills engine (figures, never timed tests).
#   build/bench.sh matching [--profiles N] [--jobs M] [--seed S] [--queries Q]
#       engine vs PostgreSQL top-50 (p50/p95), agreement, full rematch, index memory; ends with one JSON line.
#       Defaults: 100000 profiles, 10000 postings, seed 42, 250 timed postings. Uses the private PostgreSQL (build/db.sh).
#   build/bench.sh events [--via command|http] [--single N] [--events M] [--rate R] [--http-events H] [--publishers P] [--workers W]
#       PostingPublished through the real host (command, outbox, relay, batched delivery, inbox): publish-to-handled p50/p95
#       one at a time, then a burst's events/s and p95; ends with one JSON line naming how the events were published
#       ("published_via"). --via command (the default) sends CreatePosting through ISender in a scope of the host, as the
#       employer; then a burst of H postings (default 2000) through POST /api/v1/postings is measured too and its figures
#       printed and added to the JSON line (http_events_per_s, http_burst_p95_ms). --via http publishes everything over HTTP.
#       --rate R paces the burst at R events a second (a sustained rate, "paced_at_per_s" in the JSON line); without it the
#       publishers go as fast as they can, and the p95 then measures how far the pipeline falls behind that flood.
#       Defaults: 200 one at a time, a burst of 10000, 8 publishers, 2 Hangfire workers, server GC as the host.
#       Uses the private PostgreSQL (build/db.sh).
#   build/bench.sh pipeline [--profiles N] [--jobs M] [--samples S]
#       matching as it runs: the real host (and a real `Marketplace.Web.dll worker` process) on the private PostgreSQL. A full
#       rematch persisted (started as /Admin/Matching starts it, until its run is recorded done with every list written) on one
#       server, then on two; publish-to-visible and profile-to-visible (API call to the list readable through the Matching facade,
#       S samples one at a time); then the engine mode's top-50 p50 and scoring-only rematch at the same size. Ends with one JSON
#       line. Defaults: 100000 profiles, 10000 postings, 50 samples. The population is bulk-loaded (the demo seeders' binary COPY
#       into the Profiles and Jobs tables, matching's projections by binary COPY from the same events), not sent through HTTP and
#       events, into a template database per size that is kept between runs (recreated when a migration changes); each run
#       works on a copy of it.
#   build/bench.sh engine [--profiles N] [--jobs M] [--seed S] [--queries Q]
#       the engine alone (no PostgreSQL): top-50 p50/p95 of both query strategies, the full rematch with its CPU time;
#       PROBE_SECTIONS=1 adds the rematch's accumulate/scan split on one thread over the first 2,000 postings.
#   build/bench.sh search [--postings N] [--seconds S] [--connections C] [--breakdown]
#       job search over HTTP at C connections (default 50000 postings, 20 s, 32) against the SQL the in-process index
#       replaced, over raw Npgsql; --breakdown first prints one search at a time. Ends with one JSON line.
#   build/bench.sh course-import [--rows N]
#       the course import's work on a generated CSV (default 10,000 rows): read, map, normalize, bulk upsert in batches;
#       then the same file again (every row unchanged). Uses the private PostgreSQL; ends with one JSON line.
#   build/bench.sh micro [BenchmarkDotNet options]
#       BenchmarkDotNet micro-benchmarks for normalization, extraction and scoring, with a short job.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$ROOT"
ensure_dotnet

mode="${1:-}"
[ $# -gt 0 ] && shift
project="tests/Marketplace.Benchmarks/Marketplace.Benchmarks.csproj"

case "$mode" in
  matching)
    start_db
    dotnet build "$project" -c Release -nologo -v q -clp:ErrorsOnly >&2
    exec dotnet "tests/Marketplace.Benchmarks/bin/Release/net10.0/Marketplace.Benchmarks.dll" matching "$@"
    ;;
  events)
    start_db
    dotnet build "$project" -c Release -nologo -v q -clp:ErrorsOnly >&2
    # The host runs with server GC (Marketplace.Web's runtimeconfig); this process hosts it, so it runs with the same.
    DOTNET_gcServer=1 exec dotnet "tests/Marketplace.Benchmarks/bin/Release/net10.0/Marketplace.Benchmarks.dll" events "$@"
    ;;
  search)
    start_db
    # The benchmark hosts the app with WebApplicationFactory, which finds the app's content root through this variable.
    export ASPNETCORE_TEST_CONTENTROOT_MARKETPLACE_WEB="$ROOT/src/Marketplace.Web"
    dotnet build "$project" -c Release -nologo -v q -clp:ErrorsOnly >&2
    exec dotnet "tests/Marketplace.Benchmarks/bin/Release/net10.0/Marketplace.Benchmarks.dll" search "$@"
    ;;
  pipeline)
    start_db
    export ASPNETCORE_TEST_CONTENTROOT_MARKETPLACE_WEB="$ROOT/src/Marketplace.Web"
    # Builds the host too (a project reference): the worker process runs its Release build.
    dotnet build "$project" -c Release -nologo -v q -clp:ErrorsOnly >&2
    exec dotnet "tests/Marketplace.Benchmarks/bin/Release/net10.0/Marketplace.Benchmarks.dll" pipeline "$@"
    ;;
  engine)
    dotnet build "$project" -c Release -nologo -v q -clp:ErrorsOnly >&2
    exec dotnet "tests/Marketplace.Benchmarks/bin/Release/net10.0/Marketplace.Benchmarks.dll" engine "$@"
    ;;
  course-import)
    start_db
    dotnet build "$project" -c Release -nologo -v q -clp:ErrorsOnly >&2
    exec dotnet "tests/Marketplace.Benchmarks/bin/Release/net10.0/Marketplace.Benchmarks.dll" course-import "$@"
    ;;
  micro)
    dotnet build "$project" -c Release -nologo -v q -clp:ErrorsOnly >&2
    cd tests/Marketplace.Benchmarks/bin/Release/net10.0
    if [ $# -eq 0 ]; then set -- --filter '*' --job short; fi
    exec dotnet Marketplace.Benchmarks.dll micro "$@" --artifacts "$ROOT/artifacts/benchmarks"
    ;;
  *)
    echo "usage: build/bench.sh search [--postings N] [--seconds S] [--connections C] [--breakdown] | pipeline [--profiles N] [--jobs M] [--samples S] | matching|engine [--profiles N] [--jobs M] [--seed S] [--queries Q] | events [--single N] [--events M] [--publishers P] [--workers W] | course-import [--rows N] | micro [BenchmarkDotNet options]" >&2
    exit 2
    ;;
esac
