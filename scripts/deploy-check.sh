#!/usr/bin/env bash
# Builds every Connect app the way Connect does, outside the workspace, and checks it runs:
# copy the app folder and shared/ to a temporary folder, install there without the workspace
# root, run gcp-build, prune dev dependencies, start it with a test configuration against the
# commercetools test server, and check that it answers on its endpoint.
# An app that only works inside the workspace is not deployable.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
apps=${*:-order-sync stock-sync fulfillment-sync sync-admin}
work=$(mktemp -d /tmp/deploy-check.XXXXXX)
pids=()
cleanup() {
  # Each background command runs in its own session: kill the whole group (npm and node alike).
  for pid in "${pids[@]}"; do kill -- "-$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

log() { printf '[deploy-check] %s\n' "$*"; }

# The commercetools test server, from the workspace's own install.
ct_port=$(node -e "require('$root/shared/testing/ct-mock-process.cjs').freePort().then(p => console.log(p))")
(cd "$root" && CT_MOCK_PORT=$ct_port exec setsid node --no-warnings "$root/shared/testing/ct-mock-server.mjs") >"$work/ct-mock.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do grep -q CT_MOCK_READY "$work/ct-mock.log" 2>/dev/null && break; sleep 0.2; done
grep -q CT_MOCK_READY "$work/ct-mock.log" || { log "commercetools test server did not start"; cat "$work/ct-mock.log"; exit 1; }
ct_url="http://127.0.0.1:$ct_port"

probe() { # app port -> exit 0 when the app answers on its endpoint as expected
  case "$1" in
    order-sync)
      body='{"notificationType":"ResourceCreated","projectKey":"deploy-check","resource":{"typeId":"subscription","id":"s"},"version":1}'
      code=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'content-type: application/json' -d "$body" "http://127.0.0.1:$2/event") ;;
    stock-sync|fulfillment-sync)
      code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$2/job/health") ;;
    sync-admin)
      code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$2/service/health") ;;
  esac
  [ "${code:-000}" -ge 200 ] && [ "${code:-000}" -lt 300 ]
}

failed=0
for app in $apps; do
  dir="$work/$app-build"
  mkdir -p "$dir"
  cp -R "$root/shared" "$dir/shared"
  cp -R "$root/$app" "$dir/$app"
  rm -rf "$dir/shared/node_modules" "$dir/shared/build" "$dir/$app/node_modules" "$dir/$app/build"
  log "$app: npm install (standalone, no workspace root)"
  (cd "$dir/$app" && npm install --no-audit --no-fund --loglevel=error >"$dir/install.log" 2>&1) || { log "$app: install failed"; tail -20 "$dir/install.log"; failed=1; continue; }
  log "$app: npm run gcp-build"
  (cd "$dir/$app" && npm run gcp-build >"$dir/build.log" 2>&1) || { log "$app: gcp-build failed"; grep -E 'error|ERR' "$dir/build.log" | head -20; failed=1; continue; }
  log "$app: npm prune --omit=dev"
  (cd "$dir/$app" && npm prune --omit=dev --no-audit --no-fund --loglevel=error >>"$dir/build.log" 2>&1) || { log "$app: prune failed"; failed=1; continue; }
  port=$(node -e "require('$root/shared/testing/ct-mock-process.cjs').freePort().then(p => console.log(p))")
  (cd "$dir/$app" && PORT=$port CTP_PROJECT_KEY=deploy-check CTP_CLIENT_ID=deploy-check-id CTP_CLIENT_SECRET=deploy-check-secret \
    CTP_API_URL=$ct_url CTP_AUTH_URL=$ct_url LINNWORKS_APPLICATION_ID=app LINNWORKS_APPLICATION_SECRET=secret \
    LINNWORKS_INSTALLATION_TOKEN=token LINNWORKS_AUTH_URL=http://127.0.0.1:9 \
    STOCK_LOCATION_MAPPING='{"locations":[{"location":"Default","channel":"deploy-check"}]}' exec setsid npm start >"$dir/start.log" 2>&1) &
  pids+=($!)
  ok=0
  for _ in $(seq 1 75); do if probe "$app" "$port"; then ok=1; break; fi; sleep 0.2; done
  if [ $ok = 1 ]; then log "$app: built standalone, pruned, started, answers on its endpoint (port $port)"
  else log "$app: did not answer on its endpoint"; tail -30 "$dir/start.log"; failed=1; fi
done
exit $failed
