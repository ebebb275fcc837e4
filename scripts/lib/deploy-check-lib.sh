# shellcheck shell=bash
# The run half of scripts/deploy-check.sh: runs one built image folder as Connect would, with
# its lifecycle scripts, against the commercetools test server. Sourced; uses $root, $work,
# $images, $ct_url, $pids and log() from the caller.

# What each lifecycle script must have done: "<resource path> <status once it ran>" per line.
# A lifecycle script connect.yaml names without an entry here fails the check: say what it does.
# Every postDeploy first checks the app's whole configuration (its log must say it passed); the
# apps whose postDeploy only checks have no other effect.
expected_effects() { # app script
  case "$1:$2" in
    stock-sync:postDeploy | sync-scheduler:postDeploy | sync-admin:postDeploy) ;;
    order-sync:postDeploy) printf '%s\n' 'subscriptions/key=linnworks-connector-orders 200' 'channels/key=linnworks 200' ;;
    order-sync:preUndeploy) printf '%s\n' 'subscriptions/key=linnworks-connector-orders 404' ;;
    fulfillment-sync:postDeploy)
      printf '%s\n' 'states/key=lw-picking 200' 'states/key=lw-packed 200' 'states/key=lw-line-cancelled 200' ;;
    *) return 1 ;;
  esac
}

# Configuration as Connect would pass it; one commercetools project per app. The Linnworks
# settings are those the emulator printed at start ($lw_env: LINNWORKS_AUTH_URL and credentials).
app_env() { # app -> NAME=value lines
  printf '%s\n' "$lw_env"
  cat <<EOF
CTP_PROJECT_KEY=deploy-check-$1
CTP_CLIENT_ID=deploy-check-id
CTP_CLIENT_SECRET=deploy-check-secret
CTP_API_URL=$ct_url
CTP_AUTH_URL=$ct_url
STOCK_LOCATION_MAPPING={"locations":[{"location":"Default","channel":"deploy-check"}]}
FULFILLMENT_PROGRESS_RULES=[{"flag":"PickListPrinted","state":"lw-picking"},{"flag":"LabelPrinted","state":"lw-packed","shipmentState":"Ready"}]
CONNECT_PROVIDER=GCP
CONNECT_SUBSCRIPTION_DESTINATION=GoogleCloudPubSub
CONNECT_GCP_PROJECT_ID=deploy-check
CONNECT_GCP_TOPIC_NAME=deploy-check-orders
EOF
}

# Runs a command line in the image folder with only PATH, HOME and the app's configuration.
in_image() { # app command-line [extra NAME=value...]
  local app=$1 line=$2
  shift 2
  local -a vars=()
  mapfile -t vars < <(app_env "$app")
  (cd "$images/$app" && exec env -i PATH="$PATH" HOME="$HOME" "${vars[@]}" "$@" bash -c "$line")
}

# The lifecycle command lines connect.yaml gives an app: "<script>\t<command>" per line.
lifecycle_lines() { # app
  node -e "
    const y = require('$root/node_modules/yaml');
    const spec = y.parse(require('fs').readFileSync('$root/connect.yaml', 'utf8'));
    const app = spec.deployAs.find((a) => a.name === process.argv[1]);
    for (const [script, line] of Object.entries(app.scripts ?? {})) console.log(script + '\t' + line);
  " "$1"
}

ct_token() { # project -> an access token for it on the test server
  curl -s -u deploy-check-id:deploy-check-secret -X POST \
    "$ct_url/oauth/token?grant_type=client_credentials&scope=manage_project:$1" |
    node -pe 'JSON.parse(require("fs").readFileSync(0, "utf8")).access_token'
}

ct_status() { # project path -> HTTP status of a GET on the test server
  curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $(ct_token "$1")" "$ct_url/$1/$2"
}

# What the merchant's project holds before a deploy: the supply channel STOCK_LOCATION_MAPPING
# names (post-deploy checks that it exists).
seed_project() { # app
  curl -s -o /dev/null -X POST -H "Authorization: Bearer $(ct_token "deploy-check-$1")" \
    -H 'content-type: application/json' -d '{"key":"deploy-check","roles":["InventorySupply"]}' \
    "$ct_url/deploy-check-$1/channels"
}

check_effects() { # app script when(before|after) -> exit 1 naming what is not as expected
  local app=$1 script=$2 when=$3 path want got bad=0
  while read -r path want; do
    if [ "$when" = before ]; then want=$([ "$want" = 200 ] && echo 404 || echo 200); fi
    got=$(ct_status "deploy-check-$app" "$path")
    if [ "$got" != "$want" ]; then log "$app: $script: $path is $got $when it ran, expected $want"; bad=1; fi
  done < <(expected_effects "$app" "$script")
  return $bad
}

run_lifecycle() { # app script command-line
  local app=$1 script=$2 line=$3
  expected_effects "$app" "$script" >/dev/null ||
    { log "$app: $script ($line) has no expected effect in scripts/lib/deploy-check-lib.sh"; return 1; }
  check_effects "$app" "$script" before || return 1
  if ! in_image "$app" "$line" >"$work/$app/$script.log" 2>&1; then
    log "$app: $script failed: $line"
    tail -20 "$work/$app/$script.log" | sed 's/^/    /'
    return 1
  fi
  check_effects "$app" "$script" after || return 1
  if [ "$script" = postDeploy ] && ! grep -q 'configuration checked: no problems' "$work/$app/$script.log"; then
    log "$app: $script did not check the configuration"; return 1
  fi
  log "$app: $script ($line) ran in the image folder and did its work"
}

probe() { # app port -> exit 0 when the app answers on its endpoint as expected
  local code
  case "$1" in
    order-sync)
      body='{"notificationType":"ResourceCreated","projectKey":"deploy-check","resource":{"typeId":"subscription","id":"s"},"version":1}'
      code=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'content-type: application/json' -d "$body" "http://127.0.0.1:$2/event") ;;
    stock-sync | fulfillment-sync | sync-scheduler) code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$2/job/health") ;;
    sync-admin) code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$2/service/health") ;;
    *) return 1 ;;
  esac
  [ "${code:-000}" -ge 200 ] && [ "${code:-000}" -lt 300 ]
}

start_and_probe() { # app
  local app=$1 port ok=0
  port=$(free_port)
  local -a vars=()
  mapfile -t vars < <(app_env "$app")
  # exec all the way down, so $! is npm's own session and cleanup stops npm and node together.
  (cd "$images/$app" && exec env -i PATH="$PATH" HOME="$HOME" "${vars[@]}" PORT="$port" setsid npm start) \
    >"$work/$app/start.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 100); do if probe "$app" "$port"; then ok=1; break; fi; sleep 0.2; done
  if [ $ok = 1 ]; then log "$app: npm start in the image folder answers on its endpoint (port $port)"; return 0; fi
  log "$app: npm start did not answer on its endpoint"
  tail -30 "$work/$app/start.log" | sed 's/^/    /'
  return 1
}

run_app() { # app -> postDeploy, npm start + probe, preUndeploy; exit 1 on the first failure
  local app=$1 script line post='' pre=''
  while IFS=$'\t' read -r script line; do
    case "$script" in
      postDeploy) post=$line ;;
      preUndeploy) pre=$line ;;
      *) log "$app: unknown lifecycle script $script"; return 1 ;;
    esac
  done < <(lifecycle_lines "$app")
  seed_project "$app"
  if [ -n "$post" ]; then run_lifecycle "$app" postDeploy "$post" || return 1; fi
  # The same check a merchant runs before deploying, from the built folder alone.
  if ! in_image "$app" "npm run config:check" >"$work/$app/config-check.log" 2>&1; then
    log "$app: npm run config:check failed in the image folder"
    tail -20 "$work/$app/config-check.log" | sed 's/^/    /'
    return 1
  fi
  grep -q 'configuration OK' "$work/$app/config-check.log" ||
    { log "$app: npm run config:check did not say the configuration is OK"; return 1; }
  log "$app: npm run config:check in the image folder: configuration OK (offline and online)"
  start_and_probe "$app" || return 1
  if [ -n "$pre" ]; then run_lifecycle "$app" preUndeploy "$pre" || return 1; fi
}
