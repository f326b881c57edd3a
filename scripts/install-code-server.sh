#!/usr/bin/env bash
# Installs code-server (real VS Code in the browser, with a Node extension host) from the npm registry into a
# cache folder OUTSIDE the repository, for the e2e tests and the demo. Idempotent: an install that answers
# `--version` is reused.
#
#   bash scripts/install-code-server.sh            # prints the code-server binary path on the last line
#   NEWS_CACHE=/somewhere CS_VERSION=4.96.4 bash scripts/install-code-server.sh
#
# Plain `npm install code-server@4.96.4` fails on a machine that reaches only registry.npmjs.org + Debian:
#   1. as root, its postinstall.sh demands --unsafe-perm;
#   2. lib/vscode/npm-shrinkwrap.json pins @vscode/proxy-agent to a GitHub git+ssh URL; the registry tarball
#      proxy-agent-0.27.0.tgz has the same integrity hash, so the URL is rewritten;
#   3. @vscode/ripgrep's postinstall downloads rg from GitHub: Debian's /usr/bin/rg is linked in instead.
# So: install with --ignore-scripts, rebuild only the native modules from source (npmrc nodedir=/usr), and
# replay the rest of code-server's postinstall.sh by hand.
set -euo pipefail

CS_VERSION=${CS_VERSION:-4.96.4}
NEWS_CACHE=${NEWS_CACHE:-$HOME/.cache/news-annotator}
CS_PREFIX=${CS_PREFIX:-$NEWS_CACHE/code-server-$CS_VERSION}
CS_BIN="$CS_PREFIX/node_modules/.bin/code-server"
# --version writes ~/.config/code-server and ~/.local/share/code-server unless XDG_* point elsewhere
XDG_ENV=(XDG_CONFIG_HOME="$CS_PREFIX/.xdg/config" XDG_DATA_HOME="$CS_PREFIX/.xdg/data")

log() { echo "[install-code-server] $*" >&2; }

if [[ -x "$CS_BIN" && -f "$CS_PREFIX/.installed" ]] && env "${XDG_ENV[@]}" "$CS_BIN" --version >/dev/null 2>&1; then
  log "code-server $CS_VERSION already installed in $CS_PREFIX"
  echo "$CS_BIN"
  exit 0
fi

# Debian packages code-server's build needs: ripgrep (replaces a GitHub download) and the gssapi headers
# (its kerberos module compiles against them). As root on Debian they are installed here, once.
apt_needed=()
command -v rg >/dev/null || apt_needed+=(ripgrep)
[[ -e /usr/include/gssapi/gssapi.h ]] || apt_needed+=(libkrb5-dev)
if ((${#apt_needed[@]})); then
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    # Only what is missing, nothing upgraded: --no-upgrade for the named packages, and a dry run first that
    # says every package apt would add or change; if it would upgrade installed ones, stop and let the user decide.
    apt-get update >&2
    plan=$(apt-get install -s --no-upgrade --no-install-recommends "${apt_needed[@]}")
    adds=$(awk '/^Inst /{print $2}' <<<"$plan" | tr '\n' ' ')
    upgrades=$(awk '/^Inst / && /\[/{print $2}' <<<"$plan" | tr '\n' ' ')
    if [[ -n $upgrades ]]; then
      log "installing ${apt_needed[*]} would upgrade installed packages: $upgrades"
      log "not doing that here; install them yourself: apt-get install --no-install-recommends ${apt_needed[*]}"
      exit 1
    fi
    log "installing with apt-get (missing, nothing upgraded): $adds"
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-upgrade --no-install-recommends "${apt_needed[@]}" >&2
  else
    log "missing Debian packages: ${apt_needed[*]}. Install with: sudo apt-get install -y ${apt_needed[*]}"
    exit 1
  fi
fi
for tool in node npm; do
  command -v "$tool" >/dev/null || { log "missing: $tool (Node 20 with npm is needed)"; exit 1; }
done
node_major=$(node -p 'process.versions.node.split(".")[0]')
if [[ $node_major != 20 ]]; then
  # code-server 4.96.4's postinstall and native modules target Node 20 only
  log "warning: Node $node_major found, code-server $CS_VERSION expects Node 20"
fi

t0=$SECONDS
log "installing code-server $CS_VERSION into $CS_PREFIX"
rm -rf "$CS_PREFIX"
mkdir -p "$CS_PREFIX"
export npm_config_unsafe_perm=true npm_config_yes=true npm_config_audit=false npm_config_fund=false
# a bare package.json so that npm treats the prefix as its own project, not the repo around it
echo '{"name":"code-server-cache","private":true}' >"$CS_PREFIX/package.json"
(cd "$CS_PREFIX" && npm install --ignore-scripts --no-save "code-server@$CS_VERSION" >&2)
# argon2's prebuilt download fails offline-ish: build from source
(cd "$CS_PREFIX" && npm rebuild argon2 >&2)

V="$CS_PREFIX/node_modules/code-server/lib/vscode"
sed -i 's#git+ssh://git@github.com/microsoft/vscode-proxy-agent.git\#[0-9a-f]*#https://registry.npmjs.org/@vscode/proxy-agent/-/proxy-agent-0.27.0.tgz#' \
  "$V/npm-shrinkwrap.json"
(cd "$V" && npm install --omit=dev --ignore-scripts >&2)
# node-pty's postinstall runs `npx node-gyp`: npm_config_yes=true answers it (this machine's npmrc says yes=false)
(cd "$V" && npm rebuild node-pty @vscode/spdlog kerberos native-watchdog @parcel/watcher @vscode/deviceid >&2)
mkdir -p "$V/node_modules/@vscode/ripgrep/bin"
ln -sf "$(command -v rg)" "$V/node_modules/@vscode/ripgrep/bin/rg"

# the rest of code-server's postinstall.sh
(cd "$V" && rm -rf node_modules.asar && ln -s node_modules node_modules.asar)
(cd "$V/bin/remote-cli" && rm -f code-server && ln -s code-linux.sh code-server)
(cd "$V/bin/helpers" && rm -f browser.sh && ln -s browser-linux.sh browser.sh)
(cd "$V/extensions" && npm install --omit=dev >&2)

version=$(env "${XDG_ENV[@]}" "$CS_BIN" --version 2>/dev/null | tail -1)
touch "$CS_PREFIX/.installed"
log "installed code-server $version in $((SECONDS - t0)) s"
echo "$CS_BIN"
