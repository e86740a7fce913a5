#!/usr/bin/env bash
# Copy the browser builds of bpmn-js from node_modules/ into the app's static folder.
#
# The pages load bpmn-js as plain <script>/<link> files (no bundler, no CDN). The copy keeps
# the layout of bpmn-js's dist/ so that the relative font URLs inside the CSS still resolve:
#   workflow_app/web/static/vendor/bpmn-js/bpmn-navigated-viewer.production.min.js
#   workflow_app/web/static/vendor/bpmn-js/bpmn-modeler.production.min.js
#   workflow_app/web/static/vendor/bpmn-js/assets/{diagram-js,bpmn-js}.css
#   workflow_app/web/static/vendor/bpmn-js/assets/bpmn-font/css/bpmn-embedded.css (+ font/)
# vendor/ is generated (see .gitignore): run `npm ci` and then this script after a checkout.
set -euo pipefail
cd "$(dirname "$0")/.."

src=node_modules/bpmn-js/dist
dest=workflow_app/web/static/vendor/bpmn-js

if [ ! -d "$src" ]; then
    echo "copy-assets: $src not found; run 'npm ci' first" >&2
    exit 1
fi

rm -rf "$dest"
mkdir -p "$dest/assets"
cp "$src/bpmn-navigated-viewer.production.min.js" "$src/bpmn-modeler.production.min.js" "$dest/"
cp "$src"/assets/*.css "$dest/assets/"
cp -R "$src/assets/bpmn-font" "$dest/assets/"
cp node_modules/bpmn-js/LICENSE "$dest/"            # bpmn-js asks that its licence travel with it

echo "copy-assets: bpmn-js $(node -p 'require("./node_modules/bpmn-js/package.json").version') -> $dest"

# Swagger UI for /api/docs (served by flask-smorest from these files, not from a CDN).
swagger_src=node_modules/swagger-ui-dist
swagger_dest=workflow_app/web/static/vendor/swagger-ui
if [ -d "$swagger_src" ]; then
    rm -rf "$swagger_dest"
    mkdir -p "$swagger_dest"
    cp "$swagger_src"/swagger-ui-bundle.js "$swagger_src"/swagger-ui-standalone-preset.js \
       "$swagger_src"/swagger-ui.css "$swagger_src"/LICENSE "$swagger_dest/"
    echo "copy-assets: swagger-ui-dist $(node -p 'require("./node_modules/swagger-ui-dist/package.json").version') -> $swagger_dest"
fi

# Process designers' modeler (issue #4): the properties panel's dist files, and ONE bundle of
# bpmn-js + the panel + our spiffworkflow provider (workflow_app/web/js-src/designers/), built
# with esbuild from the committed lockfile. The bundle is generated, like the rest of vendor/.
panel_src=node_modules/bpmn-js-properties-panel/dist
panel_css=node_modules/@bpmn-io/properties-panel/dist/assets/properties-panel.css
designers_dest=workflow_app/web/static/vendor/designers
if [ -d "$panel_src" ] && [ -f "$panel_css" ]; then
    rm -rf "$designers_dest"
    mkdir -p "$designers_dest"
    cp "$panel_src/bpmn-js-properties-panel.umd.js" node_modules/bpmn-js-properties-panel/LICENSE "$designers_dest/"
    cp "$panel_css" "$designers_dest/properties-panel.css"
    if [ ! -x node_modules/.bin/esbuild ]; then
        echo "copy-assets: node_modules/.bin/esbuild not found; run 'npm ci' first" >&2
        exit 1
    fi
    node_modules/.bin/esbuild workflow_app/web/js-src/designers/modeler.js --bundle --minify --format=iife \
        --target=es2019 --log-level=warning --outfile="$designers_dest/modeler.bundle.js"
    echo "copy-assets: bpmn-js-properties-panel $(node -p 'require("./node_modules/bpmn-js-properties-panel/package.json").version') + modeler bundle -> $designers_dest"
fi
