#!/usr/bin/env bash
# setup.sh: installs everything the build, the app and the tests need.
# Idempotent: every step checks first and does nothing when its target is present,
# so a second run on a ready machine takes seconds and changes nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
CACHE="$ROOT/.cache"
IMGUI_DIR="$CACHE/imgui"

APT_PACKAGES=(
  cmake ninja-build g++ clang-14 lld-14 libclang-rt-14-dev clang-format
  emscripten
  libglfw3-dev libgl-dev libfontconfig-dev
  doctest-dev nlohmann-json3-dev libstb-dev
  # The embedded face holds the lesson's own characters; a learner's other scripts are drawn from
  # the system's fonts (the desktop, through fontconfig) and the browser's (the page): DejaVu
  # covers Cyrillic, Greek, Arabic and Hebrew, Droid Sans Fallback Chinese, Japanese and Korean,
  # Lohit Devanagari a script whose words must be shaped whole (conjuncts, vowel signs).
  fonts-dejavu-core fonts-droid-fallback fonts-lohit-deva python3-fonttools
  chromium xvfb xauth
  python3-numpy
  dpkg-dev
)

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi

missing_packages() {
  local p
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || echo "$p"
  done
}

install_packages() {
  local missing
  missing=$(missing_packages)
  if [ -n "$missing" ]; then
    echo "setup: installing Debian packages: $(echo $missing | tr '\n' ' ')"
    $SUDO apt-get update -qq
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
  fi
}

# Dear ImGui comes from Debian's source package (1.86), fetched into a gitignored cache.
fetch_imgui() {
  if [ -f "$IMGUI_DIR/imgui.cpp" ] && [ -f "$IMGUI_DIR/backends/imgui_impl_opengl3.cpp" ]; then
    return
  fi
  local src_list=/etc/apt/sources.list.d/debian-src.sources
  if [ ! -f "$src_list" ]; then
    echo "setup: adding deb-src entry for apt-get source"
    sed -e 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources | $SUDO tee "$src_list" >/dev/null
    $SUDO apt-get update -qq
  fi
  mkdir -p "$CACHE/imgui-src"
  (cd "$CACHE/imgui-src" && apt-get source -qq imgui >/dev/null 2>&1 || apt-get source imgui)
  local dir
  dir=$(find "$CACHE/imgui-src" -mindepth 1 -maxdepth 1 -type d -name 'imgui-*' | head -n1)
  if [ -z "$dir" ] || [ ! -f "$dir/imgui.cpp" ]; then
    echo "setup: could not fetch the imgui source package" >&2
    exit 1
  fi
  rm -rf "$IMGUI_DIR"
  cp -r "$dir" "$IMGUI_DIR"
}

# npm: playwright-core for the browser tests and axe-core, which they inject to check accessibility; the Closure Compiler that shrinks the page's
# Emscripten glue (cmake/closure.cmake) and terser for its own scripts (cmake/assemble_site.cmake).
install_node_modules() {
  if [ -f node_modules/playwright-core/package.json ] && [ -f node_modules/google-closure-compiler/package.json ] &&
     [ -f node_modules/terser/package.json ] && [ -f node_modules/axe-core/package.json ] &&
     [ node_modules/.package-lock.json -nt package-lock.json ]; then
    return
  fi
  echo "setup: installing npm packages"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
}

# The Closure Compiler's native binary exists for x86 Linux only; elsewhere its jar runs under Java.
install_java_for_closure() {
  if [ -x node_modules/google-closure-compiler-linux/compiler ] || command -v java >/dev/null; then
    return
  fi
  echo "setup: installing Java for the Closure Compiler (no native binary for this machine)"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends default-jre-headless
}

install_packages
fetch_imgui
install_node_modules
install_java_for_closure
echo "setup: ready"
