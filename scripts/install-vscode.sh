#!/usr/bin/env bash
# Installs a real VS Code for the integration tests, once, into a cache folder.
#
# @vscode/test-electron downloads a VS Code desktop build, which machines without internet cannot
# fetch. code-server (the same VS Code workbench, served to a browser) comes from the npm registry;
# its postinstall downloads ripgrep, so the install is done by hand here: Debian's ripgrep is dropped
# in and the native modules are rebuilt locally. Debian's Chromium shows the workbench headless.
#
#   scripts/install-vscode.sh            # prints the install folder
set -euo pipefail
version=${CODE_SERVER_VERSION:-4.100.3}
cache=${SPEECH_DRAFT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/speech-draft}
dir="$cache/code-server-$version"

if [ -f "$dir/.complete" ]; then echo "$dir"; exit 0; fi

bash "$(dirname "$0")/ensure-debian-packages.sh" libkrb5-dev libsecret-1-dev libx11-dev libxkbfile-dev pkg-config ripgrep chromium fonts-noto-cjk

echo "install-vscode: installing code-server $version into $dir (first run only)" >&2
rm -rf "$dir"
mkdir -p "$dir"
cd "$dir"
npm init -y >/dev/null
export npm_config_yes=true npm_config_audit=false npm_config_fund=false
npm install --ignore-scripts "code-server@$version" playwright-core@1 >/dev/null
npm rebuild argon2 >/dev/null

cd node_modules/code-server/lib/vscode
npm install --omit=dev --ignore-scripts >/dev/null
mkdir -p node_modules/@vscode/ripgrep/bin
cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
npm rebuild >/dev/null
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sfn code-linux.sh code-server)
(cd bin/helpers && ln -sfn browser-linux.sh browser.sh)
cd extensions
npm install --omit=dev --ignore-scripts >/dev/null
npm rebuild >/dev/null

cd "$dir"
node_modules/.bin/code-server --version >&2
touch .complete
echo "$dir"
