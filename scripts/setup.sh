#!/usr/bin/env bash
# One-time setup on a fresh Debian/Ubuntu machine: the test peers and browser from apt, Node 22,
# and the npm dependencies (which also builds the app). Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  knot knot-dnsutils knot-dnssecutils unbound          # authoritative + caching DNS for the tests; kzonecheck
  postfix swaks libnet-ssleay-perl libio-socket-ssl-perl  # a real SMTP server with STARTTLS, and a reference client
  spfquery python3-spf opendkim-tools                  # reference SPF/DKIM implementations to cross-check against
  opendkim                                             # a real DKIM signer (Postfix milter) for the test-message checks
  chromium xvfb xauth poppler-utils openssl ca-certificates  # the renderer in a real browser; PDF to text/PNG
)

sudo_() { if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi; }

missing=()
for p in "${APT_PACKAGES[@]}"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null; then
    echo "Installing with apt: ${missing[*]}"
    echo "postfix postfix/main_mailer_type select No configuration" | sudo_ debconf-set-selections
    sudo_ apt-get update -qq
    sudo_ env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "Not a Debian/Ubuntu machine: install these yourself for the tests: ${missing[*]}" >&2
  fi
fi

# Node 22 (Electron 45's main process runs 22; mailauth needs >= 22). Installed from the npm registry.
major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if [ "$(major)" != "22" ]; then
  if [ "$(id -u)" -eq 0 ]; then prefix=/usr/local; else prefix="$HOME/.local"; fi
  echo "Installing Node 22 into $prefix (found $(node --version 2>/dev/null || echo none))"
  npm install -g --prefix "$prefix" --allow-scripts=node node@22 >/dev/null 2>&1 || npm install -g --prefix "$prefix" node@22 >/dev/null
  export PATH="$prefix/bin:$PATH"
  hash -r
  if [ "$(major)" != "22" ]; then
    echo "Node 22 is installed in $prefix/bin but another node comes first on your PATH. Put $prefix/bin first." >&2
    exit 1
  fi
fi
echo "Node $(node --version)"

npm ci --no-audit --no-fund
