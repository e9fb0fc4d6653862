#!/usr/bin/env bash
# Name the page's extraction engine (trunk's worker build of `src/bin/engine.rs`: engine.js +
# engine_bg.wasm, which trunk leaves unhashed) by a hash of its content and link it from the
# page as <link data-engine="js|wasm" href=…> — links without `rel`, so the browser does not
# fetch them with the page: the workers import the engine when they start, and the offline
# service worker (www/sw.js) caches every linked file. Run by trunk after each build (a
# post_build hook in Trunk.toml; STAGING = trunk's staging dir, PUBLIC_URL = its public URL).
#   scripts/link-engine.sh STAGING PUBLIC_URL
set -euo pipefail
dir="${1:?usage: scripts/link-engine.sh STAGING PUBLIC_URL}"
base="${2:-/}"
cd "$dir"
[ -f engine.js ] && [ -f engine_bg.wasm ] || { echo "link-engine: engine.js / engine_bg.wasm missing in $dir" >&2; exit 1; }
hash=$(cat engine.js engine_bg.wasm | sha256sum | cut -c1-16)
sed "s/engine_bg\.wasm/engine-${hash}_bg.wasm/g" engine.js >"engine-${hash}.js"
mv engine_bg.wasm "engine-${hash}_bg.wasm"
rm engine.js
links="<link data-engine=\"js\" href=\"${base}engine-${hash}.js\"><link data-engine=\"wasm\" href=\"${base}engine-${hash}_bg.wasm\">"
grep -q '</head>' index.html || { echo "link-engine: no </head> in index.html" >&2; exit 1; }
sed -i "s#</head>#${links}</head>#" index.html
