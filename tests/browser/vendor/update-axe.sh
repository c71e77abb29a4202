#!/usr/bin/env bash
# Vendor axe-core from the npm registry into tests/browser/vendor/axe-core/.
#
#   tests/browser/vendor/update-axe.sh            # the latest release
#   tests/browser/vendor/update-axe.sh 4.14.1     # a given version
#
# Copies axe.min.js and its licences, and records the version and the tarball's
# integrity in README.md. Needs npm; the tests themselves never fetch anything.
set -euo pipefail

version="${1:-latest}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
target="$here/axe-core"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent "axe-core@$version" > tarball-name)
tarball="$work/$(cat "$work/tarball-name")"
tar -xzf "$tarball" -C "$work"

resolved="$(node -p "require('$work/package/package.json').version")"
integrity="sha512-$(openssl dgst -sha512 -binary "$tarball" | base64 -w0)"

mkdir -p "$target"
cp "$work/package/axe.min.js" "$target/axe.min.js"
cp "$work/package/LICENSE" "$target/LICENSE"
cp "$work/package/LICENSE-3RD-PARTY.txt" "$target/LICENSE-3RD-PARTY.txt"

sed -i \
  -e "s/^Version: .*/Version: $resolved/" \
  -e "s|^Tarball integrity: .*|Tarball integrity: $integrity|" \
  "$target/README.md"

echo "axe-core $resolved vendored into $target"
