# Shared by build/*.sh: make sure the tools the scripts use are on this machine.
# shellcheck shell=bash
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

apt_install() {
  if [ "$(id -u)" -ne 0 ]; then echo "missing: $*; installing needs root (apt-get)." >&2; return 1; fi
  export DEBIAN_FRONTEND=noninteractive
  if [ -z "${APT_UPDATED:-}" ]; then apt-get update -qq >/dev/null; APT_UPDATED=1; fi
  apt-get install -y -qq "$@" >/dev/null
}

ensure_dotnet() {
  if ! command -v dotnet >/dev/null 2>&1; then
    echo "Installing the .NET 10 SDK..." >&2
    apt_install dotnet-sdk-10.0 || { echo "The .NET 10 SDK is required: https://learn.microsoft.com/dotnet/core/install/linux-debian" >&2; exit 1; }
  fi
}

ensure_tools() {
  local missing=()
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  command -v git >/dev/null 2>&1 || missing+=(git)
  command -v python3 >/dev/null 2>&1 || missing+=(python3)
  [ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"
}

ensure_chromium() {
  if ! command -v chromium >/dev/null 2>&1; then
    echo "Installing Chromium (Debian package) for the end-to-end tests..." >&2
    apt_install chromium fonts-liberation
  fi
  export MARKETPLACE_CHROMIUM="$(command -v chromium)"
}

# Starts this clone's private PostgreSQL (or checks the server MARKETPLACE_DB names) and exports MARKETPLACE_DB. When the
# database cannot start, db.sh has printed the one line that says why, and the calling script stops here.
start_db() {
  local url
  url="$("$ROOT/build/db.sh" start)" || exit 1
  export MARKETPLACE_DB="$url"
}

# @redocly/cli lints the OpenAPI document. Installed once per machine with the machine's Node.js and npm into the user's
# cache (about 15 MB), so repeated runs and other clones reuse it; a fresh machine (CI) installs it on its first run.
REDOCLY_VERSION=2.77.0
ensure_redocly() {
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "Installing Node.js (Debian package) for the OpenAPI lint..." >&2
    apt_install nodejs npm || return 1
  fi
  local dir="${XDG_CACHE_HOME:-$HOME/.cache}/marketplace/redocly-cli-$REDOCLY_VERSION"
  REDOCLY="$dir/node_modules/.bin/redocly"
  [ -f "$dir/installed" ] && [ -x "$REDOCLY" ] && return 0
  echo "Installing @redocly/cli $REDOCLY_VERSION (npm) for the OpenAPI lint..." >&2
  mkdir -p "$dir"
  if ! npm install --prefix "$dir" --no-save --no-audit --no-fund --loglevel=error "@redocly/cli@$REDOCLY_VERSION" >"$dir/install.log" 2>&1 \
     || ! "$REDOCLY" --version >>"$dir/install.log" 2>&1; then
    echo "could not install @redocly/cli $REDOCLY_VERSION with npm (node $(node --version 2>/dev/null); see $dir/install.log)" >&2
    return 1
  fi
  touch "$dir/installed"
}
