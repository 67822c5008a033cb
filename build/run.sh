#!/usr/bin/env bash
# Starts the private PostgreSQL, restores, builds, migrates, seeds the demo data (idempotent) and serves the app on
# http://127.0.0.1:5080 (MARKETPLACE_URL overrides it). Ctrl+C stops the app; `build/db.sh stop` stops the database.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$ROOT"

URL="${MARKETPLACE_URL:-http://127.0.0.1:5080}"
# A local demo on plain http: Development keeps generated token keys and mail under .data (see README); a production
# host needs HTTPS and the Identity certificates instead.
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"

ensure_tools
ensure_dotnet
start_db

echo "Restoring and building..."
dotnet tool restore >/dev/null
dotnet restore Marketplace.sln -nologo -v q
dotnet build src/Marketplace.Web/Marketplace.Web.csproj -c Release --no-restore -nologo -v q -clp:ErrorsOnly

# The content root is the project folder (appsettings.json, wwwroot); the database comes from MARKETPLACE_DB.
cd "$ROOT/src/Marketplace.Web"
APP=(dotnet bin/Release/net10.0/Marketplace.Web.dll)

echo "Migrating and seeding the demo data..."
"${APP[@]}" seed

cat <<URLS

Marketplace is starting on $URL
  app:        $URL/
  jobs:       $URL/hangfire
  API docs:   $URL/scalar        (OpenAPI: $URL/openapi/v1.json)
  health:     $URL/health/ready

URLS
exec "${APP[@]}" --urls "$URL"
