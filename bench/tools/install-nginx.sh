#!/usr/bin/env bash
# Installs the nginx + lua-nginx-module + cjson contestant of the server benchmark group
# (bench/http/nginx.ts) into a private folder, by hand only: never run by .ci/run or npm test.
#
#   bash bench/tools/install-nginx.sh [DEST]      # DEST: .bench-tools/nginx (git-ignored)
#
# Why private: Debian's libnginx-mod-http-lua pulls libluajit2-5.1-2 (OpenResty's LuaJIT),
# which conflicts with and replaces libluajit-5.1-2, the library of Debian's `luajit`, the
# reference of the differential tests. So nothing is installed: the .debs are fetched with
# `apt-get download` (no root needed, nothing configured) and unpacked with `dpkg -x` into
# DEST; bench/http/nginx.ts runs DEST/usr/sbin/nginx with LD_LIBRARY_PATH pointing at DEST's
# libraries, the modules loaded by absolute path, and lua_package_path/cpath at DEST's Lua
# files. /usr/bin/luajit and its library are not touched (checked below).
# Needs apt-get and dpkg-deb, and current package lists (`apt-get update` if a package is not
# found). Debian 12 (bookworm) packages: nginx 1.22.1, lua-nginx-module 0.10.23, LuaJIT 2.1-20230119.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
DEST="$(realpath -m "${1:-$ROOT/.bench-tools/nginx}")"
# nginx and its Lua module with their dependencies that a Debian system with Node usually
# lacks (libssl3, libpcre2-8-0, zlib1g, libcrypt1 are expected installed; nginx -V checks).
PACKAGES=(nginx libnginx-mod-http-lua libnginx-mod-http-ndk lua-resty-core lua-resty-lrucache
  lua-cjson libluajit2-5.1-2 libluajit2-5.1-common libpcre3)

for tool in apt-get dpkg-deb; do
  command -v "$tool" >/dev/null || { echo "install-nginx: $tool is needed (Debian/Ubuntu)" >&2; exit 1; }
done
luajit_before="$(luajit -v 2>&1 || echo 'no luajit')"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
chmod 755 "$work" # apt-get download, as root, fetches as user _apt
echo "downloading ${PACKAGES[*]}"
(cd "$work" && apt-get download -q "${PACKAGES[@]}")

rm -rf "$DEST.new"
mkdir -p "$DEST.new"
for deb in "$work"/*.deb; do
  dpkg-deb -x "$deb" "$DEST.new"
  dpkg-deb -W --showformat='${Package} ${Version}\n' "$deb" >>"$DEST.new/PACKAGES"
done
rm -rf "$DEST"
mv "$DEST.new" "$DEST"

# Check: nginx starts its config test with both modules, LuaJIT, resty.core and cjson.
multiarch="$(basename "$(dirname "$(find "$DEST/usr/lib" -name 'libluajit-5.1.so.2' | head -1)")")"
export LD_LIBRARY_PATH="$DEST/usr/lib/$multiarch:$DEST/lib/$multiarch"
mkdir -p "$work/check"
cat >"$work/check/nginx.conf" <<CONF
load_module $DEST/usr/lib/nginx/modules/ndk_http_module.so;
load_module $DEST/usr/lib/nginx/modules/ngx_http_lua_module.so;
pid $work/check/nginx.pid;
events {}
http {
  lua_package_path '$DEST/usr/share/lua/5.1/?.lua;;';
  lua_package_cpath '$DEST/usr/lib/$multiarch/lua/5.1/?.so;;';
  init_by_lua_block { require("cjson"); require("string.buffer"); assert(jit and jit.version, "no LuaJIT") }
  client_body_temp_path $work/check/body; proxy_temp_path $work/check/proxy;
  fastcgi_temp_path $work/check/fastcgi; uwsgi_temp_path $work/check/uwsgi; scgi_temp_path $work/check/scgi;
}
CONF
# (sed reads to the end: `head -1` could close the pipe first, and pipefail would fail on it)
"$DEST/usr/sbin/nginx" -V 2>&1 | sed -n 1p
"$DEST/usr/sbin/nginx" -p "$work/check" -e stderr -t -c "$work/check/nginx.conf"

luajit_after="$(luajit -v 2>&1 || echo 'no luajit')"
if [ "$luajit_before" != "$luajit_after" ]; then
  echo "install-nginx: luajit -v changed from '$luajit_before' to '$luajit_after'" >&2
  exit 1
fi
echo "installed in $DEST (luajit -v unchanged: $luajit_after)"
