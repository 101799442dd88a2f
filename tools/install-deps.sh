#!/usr/bin/env bash
# Installs what `make run` / `make test` need on Debian 12 and prepares build/deps and build/npm.
# Idempotent and quiet when everything is already there. Each failure says what failed and how to fix it.
set -euo pipefail
cd "$(dirname "$0")/.."
top=$PWD
want_browser=${RELPLAN_WANT_BROWSER:-1}

fail() { echo "relplan: $1" >&2; echo "  fix: $2" >&2; exit 1; }
sudo_cmd() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else fail "need root to run: $*" "run as root or install sudo"; fi; }

[ -r /etc/debian_version ] || fail "this setup targets Debian 12 (apt)" "install the packages listed in README.md by hand"

pkgs=(cmake ninja-build g++ clang-14 libclang-rt-14-dev lld-14 emscripten libglfw3-dev nlohmann-json3-dev libfmt-dev
      catch2 libstb-dev fonts-dejavu-core tzdata nodejs npm xvfb xauth python3 dpkg-dev git ca-certificates
      python3-fonttools fonts-droid-fallback fonts-symbola libfontconfig-dev pkg-config)
[ "$want_browser" = 1 ] && pkgs+=(chromium)
missing=()
for p in "${pkgs[@]}"; do
  # nodejs/npm may come from elsewhere (nodesource): accept any working node and npm.
  case $p in
    nodejs) command -v node >/dev/null && continue ;;
    npm) command -v npm >/dev/null && continue ;;
  esac
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "relplan: installing missing Debian packages: ${missing[*]}"
  sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null \
    || fail "apt-get update failed" "check network access to the Debian mirror"
  sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null \
    || fail "apt-get install ${missing[*]} failed" "run: apt-get install ${missing[*]}"
fi

# Debian source packages (Dear ImGui, md4c) need a deb-src entry.
ensure_deb_src() {
  src_list=/etc/apt/sources.list.d/relplan-debian-src.sources
  if ! grep -rqs '^Types:.*deb-src\|^deb-src' /etc/apt/sources.list /etc/apt/sources.list.d/; then
    sudo_cmd tee "$src_list" >/dev/null <<'SRC'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
    sudo_cmd apt-get update -qq >/dev/null || fail "apt-get update (deb-src) failed" "check network access"
  fi
}

# Fetches the upstream tarball of a Debian source package and unpacks it into build/deps.
# Only the orig tarball is taken (--tar-only): the mirror may lack a package's Debian diff, and we apply none.
# Usage: fetch_source PACKAGE WHAT TARBALL FILE-THAT-PROVES-IT-IS-UNPACKED
fetch_source() {
  local pkg=$1 what=$2 tarball=$3 proof=$4
  [ -f "$proof" ] && return 0
  echo "relplan: fetching $what sources (Debian source package $pkg)"
  ensure_deb_src
  mkdir -p build/deps/src
  (cd build/deps/src && apt-get source --download-only --tar-only "$pkg" >apt-source-"$pkg".log 2>&1) \
    || fail "apt-get source $pkg failed (log: build/deps/src/apt-source-$pkg.log)" \
            "add a deb-src entry for bookworm (see CONTRIBUTING.md, Build) and retry"
  tar -C build/deps -xf build/deps/src/"$tarball" \
    || fail "cannot unpack build/deps/src/$tarball" "delete build/deps and retry"
  [ -f "$proof" ] || fail "$tarball did not hold $proof" "delete build/deps and retry"
}

# Both targets build one Dear ImGui (1.86) and one md4c (0.4.8, the CommonMark parser), from Debian's sources.
fetch_source imgui "Dear ImGui 1.86" "imgui_1.86+ds.orig.tar.xz" "$top/build/deps/imgui-1.86/imgui.cpp"
fetch_source md4c "md4c 0.4.8" "md4c_0.4.8.orig.tar.gz" "$top/build/deps/md4c-release-0.4.8/src/md4c.c"

# npm packages for tests, benchmarks and the dev server live in the build tree, pinned by the lockfile.
if [ ! -f build/npm/node_modules/.relplan-ok ] || ! cmp -s tests/package-lock.json build/npm/package-lock.json; then
  echo "relplan: installing npm test tools into build/npm"
  mkdir -p build/npm
  cp tests/package.json tests/package-lock.json build/npm/
  (cd build/npm && npm ci --no-audit --no-fund --loglevel=error >/dev/null) \
    || fail "npm ci in build/npm failed" "check access to registry.npmjs.org, then rerun"
  touch build/npm/node_modules/.relplan-ok
fi
