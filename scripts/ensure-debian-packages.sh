#!/usr/bin/env bash
# Installs the Debian packages the tests need, once: those already installed are left alone.
#
#   scripts/ensure-debian-packages.sh [--no-recommends] libreoffice-writer-nogui poppler-utils
set -euo pipefail
options=""
if [ "${1:-}" = --no-recommends ]; then options=--no-install-recommends; shift; fi
missing=""
for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "ensure-debian-packages: the tests need:$missing (run as root, or apt-get install them)" >&2
  exit 1
fi
echo "ensure-debian-packages: installing$missing (first run only)" >&2
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $options $missing >/dev/null
