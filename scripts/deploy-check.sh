#!/usr/bin/env bash
# Builds every Connect app as Connect does and runs it as Connect runs it (docs/deployment.md):
#   1. build context = the app folder + shared/ beside it, no workspace root (committed and
#      untracked files, as git would ship them; no node_modules, no build output);
#   2. npm ci with the app's own package-lock.json, npm run gcp-build, npm test (as Connect's
#      validation does; DEPLOY_CHECK_TESTS=0 skips it), npm prune --omit=dev;
#   3. the app folder ALONE is copied to another empty folder: that is the image;
#   4. there: the connect.yaml postDeploy command runs against the commercetools test server and
#      the Linnworks emulator and must have checked the configuration and done its work, `npm start` must answer on the app's endpoint, and the
#      preUndeploy command must run and have done its work.
# Nothing from the workspace reaches the image: no ../shared, no workspace node_modules/.bin on
# PATH, no npm_* variables of the calling npm. Usage: scripts/deploy-check.sh [app...]
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
started=$(date +%s)
# npm run puts the workspace's node_modules/.bin on PATH and npm_config_* in the environment.
for var in $(compgen -e | grep -E '^npm_' || true); do unset "$var"; done
PATH=$(printf '%s' "$PATH" | tr ':' '\n' | grep -v '/node_modules/' | paste -sd: -)
export PATH
node_bin=$(command -v node)

# The Node apps of connect.yaml. The Merchant Center custom view is static assets that Connect
# builds and hosts; `npm test` already installs it from its own lockfile in its own folder and
# runs its production build (scripts/custom-view.mjs), so it is not built again here.
apps=${*:-$(node -e "const y=require('$root/node_modules/yaml');console.log(y.parse(require('fs').readFileSync('$root/connect.yaml','utf8')).deployAs.filter(a=>a.applicationType!=='merchant-center-custom-view').map(a=>a.name).join(' '))")}
work=$(mktemp -d /tmp/deploy-check.XXXXXX)
images=$(mktemp -d /tmp/deploy-check-images.XXXXXX)
pids=()
cleanup() {
  # Each background command runs in its own session: kill the whole group (npm and node alike).
  for pid in "${pids[@]}"; do kill -- "-$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true; done
  rm -rf "$work" "$images"
}
trap cleanup EXIT

log() { printf '[deploy-check] %s\n' "$*"; }

# ---- 1-3: build context, install, build, prune, copy alone (apps in parallel) ----
build_image() { # app -> exit 0 with $images/$app holding the pruned app folder alone
  local app=$1 ctx="$work/$1/context" out="$work/$1"
  mkdir -p "$ctx"
  (cd "$root" && git ls-files -z --cached --others --exclude-standard -- "$app" shared |
    tar --null -T - --ignore-failed-read -cf - 2>/dev/null) | tar -C "$ctx" -xf -
  [ -f "$ctx/$app/package-lock.json" ] || { echo "$app has no package-lock.json: run npm run lockfiles"; return 1; }
  local t0=$SECONDS
  # --prefer-offline: versions and integrity come from the lockfile either way; this only skips
  # re-asking the registry about packages already in npm's cache.
  (cd "$ctx/$app" && npm ci --include=dev --prefer-offline --no-audit --no-fund --loglevel=error) >"$out/install.log" 2>&1 ||
    { echo "npm ci failed:"; tail -20 "$out/install.log"; return 1; }
  local t1=$SECONDS
  (cd "$ctx/$app" && npm run gcp-build) >"$out/build.log" 2>&1 || { echo "gcp-build failed:"; tail -20 "$out/build.log"; return 1; }
  local t2=$SECONDS tests='not run (DEPLOY_CHECK_TESTS=0)'
  if [ "${DEPLOY_CHECK_TESTS:-1}" != 0 ]; then
    # Connect's validation runs the app's tests in this same context (connect-tester buildpack).
    (cd "$ctx/$app" && CI=true npm test) >"$out/test.log" 2>&1 ||
      { echo "npm test failed in the build context:"; grep -E '●|Cannot find|Tests:' "$out/test.log" | head -20; return 1; }
    tests="$(grep -E '^Tests:' "$out/test.log" | tail -1 | sed 's/^Tests: *//') in $((SECONDS - t2)) s"
  fi
  local t3=$SECONDS
  (cd "$ctx/$app" && npm prune --omit=dev --no-audit --no-fund --loglevel=error) >>"$out/build.log" 2>&1 ||
    { echo "npm prune failed"; return 1; }
  echo "npm ci $((t1 - t0)) s, gcp-build $((t2 - t1)) s, prune $((SECONDS - t3)) s; app tests in the context: $tests" >"$out/timing.log"
  cp -a "$ctx/$app" "$images/$app"
  rm -rf "$ctx"
  local broken outside
  broken=$(cd "$images/$app" && find -L . -type l | head -5)
  [ -z "$broken" ] || { echo "links that lead nowhere once the folder stands alone: $broken"; return 1; }
  outside=$(cd "$images/$app" && find . -type l -exec realpath {} + 2>/dev/null | grep -v "^$images/$app/" | head -5 || true)
  [ -z "$outside" ] || { echo "links out of the app folder: $outside"; return 1; }
  for dev in typescript esbuild shared jest; do
    [ ! -e "$images/$app/node_modules/$dev" ] || { echo "dev dependency $dev survived the prune"; return 1; }
  done
}

log "building $apps (context: app + shared, no root; npm ci, gcp-build, npm test, prune; copied alone)"
# Installs are mostly waiting on disk and network: DEPLOY_CHECK_JOBS at a time (2 cores: 2).
jobs_max=${DEPLOY_CHECK_JOBS:-2}
for app in $apps; do
  mkdir -p "$work/$app"
  while [ "$(jobs -rp | wc -l)" -ge "$jobs_max" ]; do wait -n || true; done
  (build_image "$app" >"$work/$app/result.log" 2>&1 && touch "$work/$app/built") &
done
wait
failed=0
for app in $apps; do
  if [ -f "$work/$app/built" ]; then
    log "$app: image built in $(cat "$work/$app/timing.log"); folder $(du -sh "$images/$app" | cut -f1), of which node_modules $(du -sh "$images/$app/node_modules" 2>/dev/null | cut -f1 || echo none)"
  else log "$app: build FAILED"; sed 's/^/    /' "$work/$app/result.log"; failed=1; fi
done
[ $failed = 0 ] || exit 1

# ---- 4: the commercetools test server, from the workspace's own install ----
free_port() { node -e "require('$root/shared/testing/ct-mock-process.cjs').freePort().then(p => console.log(p))"; }
ct_port=$(free_port)
(cd "$root" && CT_MOCK_PORT=$ct_port exec setsid node --no-warnings "$root/shared/testing/ct-mock-server.mjs") >"$work/ct-mock.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do grep -q CT_MOCK_READY "$work/ct-mock.log" 2>/dev/null && break; sleep 0.2; done
grep -q CT_MOCK_READY "$work/ct-mock.log" || { log "commercetools test server did not start"; cat "$work/ct-mock.log"; exit 1; }
ct_url="http://127.0.0.1:$ct_port"

# ---- and the Linnworks emulator (post-deploy checks the locations and postal services) ----
lw_port=$(free_port)
(cd "$root/sandbox" && LINNWORKS_EMULATOR_PORT=$lw_port exec setsid node --import tsx linnworks-emulator/src/main.ts) >"$work/linnworks.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 150); do grep -q LINNWORKS_INSTALLATION_TOKEN "$work/linnworks.log" 2>/dev/null && break; sleep 0.2; done
grep -q LINNWORKS_INSTALLATION_TOKEN "$work/linnworks.log" || { log "Linnworks emulator did not start"; cat "$work/linnworks.log"; exit 1; }
lw_env=$(grep -E '^ +LINNWORKS_[A-Z_]+=' "$work/linnworks.log" | sed 's/^ *//')

source "$root/scripts/lib/deploy-check-lib.sh"

for app in $apps; do
  if run_app "$app"; then log "$app: runs from its folder alone; lifecycle scripts ran and did their work"
  else failed=1; fi
done
log "done in $(($(date +%s) - started)) s"
exit $failed
