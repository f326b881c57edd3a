#!/usr/bin/env bash
# `npm run demo`: the extension in a real VS Code (code-server) in your browser, on the sample articles.
#   1. builds and packages the extension (news-annotator.vsix)
#   2. installs code-server if missing (scripts/install-code-server.sh, cached outside the repo)
#   3. installs the .vsix into a demo profile and copies test/fixtures/articles/*.txt as *.news.txt into a demo folder
#   4. serves it on 127.0.0.1 (a free port, or DEMO_PORT) and prints the address; it keeps this terminal until
#      Ctrl+C (run `npm test` in another shell meanwhile)
# System packages: only missing ones, never an upgrade, named before anything is installed (install-code-server.sh).
# When code-server cannot be installed or started it says why and shows the CLI's view of the samples instead.
# CI=true or DEMO_NO_SERVE=1: start, check /healthz, print, stop (never blocks).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

NEWS_CACHE=${NEWS_CACHE:-$HOME/.cache/news-annotator}
CS_VERSION=${CS_VERSION:-4.96.4}
CS_BIN=${CS_BIN:-$NEWS_CACHE/code-server-$CS_VERSION/node_modules/.bin/code-server}
DEMO=${DEMO_DIR:-$NEWS_CACHE/demo}
NO_SERVE=${DEMO_NO_SERVE:-}
[[ ${CI:-} == true || ${CI:-} == 1 ]] && NO_SERVE=1

say() { printf '\n== %s\n' "$*"; }

cli_view() {
  say "News Annotator without an editor: the CLI on the same engine ($1)"
  local samples=(test/fixtures/articles/*.txt)
  if [[ ! -f dist/cli.js ]]; then
    echo "dist/cli.js is missing: npm run build failed?"
    return 1
  fi
  local cli=(node dist/cli.js)
  [[ -x bin/news-annotate ]] && cli=(bin/news-annotate)
  echo "\$ news-annotate check ${samples[0]} ${samples[1]}"
  # check exits 1 when it finds boilerplate: that is the point here
  "${cli[@]}" check "${samples[0]}" "${samples[1]}" | head -25 || true
  echo
  echo "\$ news-annotate annotate ${samples[0]}   (summarised)"
  "${cli[@]}" annotate "${samples[0]}" | node -e '
    let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
      const a = [].concat(JSON.parse(s))[0];
      const by = {};
      for (const e of a.entities) (by[e.type] ??= new Set()).add(e.text);
      console.log(`  published ${a.published}, script ${a.script}`);
      for (const [t, set] of Object.entries(by)) console.log(`  ${t.padEnd(5)} ${[...set].slice(0, 12).join(" ")}`);
      console.log(`  dates ${a.dates.slice(0, 8).map((d) => `${d.text}=${d.value}`).join(" ")}`);
      console.log(`  boilerplate blocks: ${a.boilerplate.length} (${[...new Set(a.boilerplate.map((b) => b.kind))].join(", ")})`);
    });' || true
}

say "Building and packaging the extension"
mkdir -p "$NEWS_CACHE"
npm run --silent build
if ! npm run --silent package >"$NEWS_CACHE/package.log" 2>&1; then
  grep -v '^$' "$NEWS_CACHE/package.log" | tail -5
  # a product bug, not the machine: show what the engine does, then fail
  cli_view "npm run package failed (above), so there is no .vsix to install"
  exit 1
fi
ls -l news-annotator.vsix

if [[ ! -x $CS_BIN ]]; then
  say "code-server $CS_VERSION not found: installing it into $NEWS_CACHE (about 1.5 minutes, once)"
  missing=()
  command -v rg >/dev/null || missing+=(ripgrep)
  [[ -e /usr/include/gssapi/gssapi.h ]] || missing+=(libkrb5-dev)
  if ((${#missing[@]})); then
    echo "  it needs these Debian packages, not installed yet: ${missing[*]}"
    echo "  they will be installed with apt-get --no-upgrade (nothing already installed is upgraded)"
  fi
  # the install script prints the binary's path last
  if ! CS_BIN=$(CS_VERSION=$CS_VERSION NEWS_CACHE=$NEWS_CACHE bash scripts/install-code-server.sh | tail -1) || [[ ! -x $CS_BIN ]]; then
    cli_view "code-server could not be installed; see the messages above (it needs Node 20, npm, ripgrep and libkrb5-dev)"
    exit 0
  fi
fi

say "Preparing the demo profile and folder in $DEMO"
rm -rf "$DEMO"
mkdir -p "$DEMO/ud/User" "$DEMO/exts" "$DEMO/articles" "$DEMO/xdg"
for f in test/fixtures/articles/*.txt; do
  name=$(basename "$f" .txt)
  cp "$f" "$DEMO/articles/$name.news.txt"
done
cat >"$DEMO/ud/User/settings.json" <<'JSON'
{
  "workbench.startupEditor": "none",
  "workbench.colorTheme": "Default Dark Modern",
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true,
  "security.workspace.trust.enabled": false,
  "editor.semanticHighlighting.enabled": true,
  "editor.wordWrap": "on"
}
JSON
export XDG_CONFIG_HOME=$DEMO/xdg/config XDG_DATA_HOME=$DEMO/xdg/data
CS=("$CS_BIN" --user-data-dir "$DEMO/ud" --extensions-dir "$DEMO/exts" --disable-telemetry)
if ! "${CS[@]}" --install-extension "$ROOT/news-annotator.vsix" >"$DEMO/install.log" 2>&1; then
  cat "$DEMO/install.log"
  cli_view "code-server could not install the .vsix (log above)"
  exit 0
fi

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
PORT=${DEMO_PORT:-$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')}
if ! port_free "$PORT"; then
  cli_view "port $PORT on 127.0.0.1 is already in use (set DEMO_PORT to another one)"
  exit 0
fi

say "Starting code-server on 127.0.0.1:$PORT"
# own session/process group, so that stopping it also stops its extension host and our language server
setsid "${CS[@]}" --bind-addr "127.0.0.1:$PORT" --auth none --disable-update-check --disable-workspace-trust \
  --disable-getting-started-override --ignore-last-opened "$DEMO/articles" >"$DEMO/code-server.log" 2>&1 &
CS_PID=$!
stop() { kill -TERM -- "-$CS_PID" 2>/dev/null || kill -TERM "$CS_PID" 2>/dev/null || true; }
trap stop EXIT

ready=
for _ in $(seq 1 150); do
  if ! kill -0 "$CS_PID" 2>/dev/null; then break; fi
  if node -e "fetch('http://127.0.0.1:$PORT/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"; then ready=1; break; fi
  sleep 0.2
done
if [[ -z $ready ]]; then
  tail -20 "$DEMO/code-server.log" || true
  stop
  trap - EXIT
  cli_view "code-server did not start (log above, full log in $DEMO/code-server.log)"
  exit 0
fi

URL="http://127.0.0.1:$PORT/?folder=$DEMO/articles"
say "News Annotator is running in VS Code (code-server $CS_VERSION)"
echo "  open:    $URL"
echo "  files:   $(ls "$DEMO/articles" | wc -l) sample articles (*.news.txt); hover a name, open the Problems panel, Ctrl+. on a flagged line"
echo "  remote:  on another machine, first: ssh -L $PORT:127.0.0.1:$PORT this-host"
echo "  stop:    Ctrl+C here (or, from another shell: kill -- -$CS_PID)"
echo "  tests:   this terminal stays busy while the demo runs; run \`npm test\` in another shell"
echo "  log:     $DEMO/code-server.log"

if [[ -n $NO_SERVE ]]; then
  node -e "fetch('http://127.0.0.1:$PORT/healthz').then(r=>r.json()).then(j=>console.log('  healthz: '+JSON.stringify(j)))"
  say "CI / DEMO_NO_SERVE: stopping code-server again"
  exit 0
fi
wait "$CS_PID"
