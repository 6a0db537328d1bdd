# Sourced by the CI legs: a Go toolchain and cached builds of the Go servers they start.
# Go comes from PATH or /usr/local/go; otherwise the toolchain module is fetched from the Go module
# proxy (the only network CI has besides the npm registry and Debian's packages).

TOOLS_DIR="${SCHOOLPOST_TOOLS_DIR:-$HOME/.cache/schoolpost-tools}"
GO_FALLBACK_VERSION=1.24.11

ensure_go() {
  if [[ -x /usr/local/go/bin/go ]]; then export PATH="/usr/local/go/bin:$PATH"; fi
  if command -v go >/dev/null && go version | grep -Eq 'go1\.(2[4-9]|[3-9][0-9])'; then return 0; fi
  local dir="$TOOLS_DIR/go$GO_FALLBACK_VERSION"
  if [[ ! -x "$dir/go/bin/go" ]]; then
    local proxy="${GOPROXY:-https://proxy.golang.org}"
    proxy="${proxy%%,*}"
    local zip="$TOOLS_DIR/go$GO_FALLBACK_VERSION.zip"
    echo "ci: fetching Go $GO_FALLBACK_VERSION from the Go module proxy"
    mkdir -p "$dir"
    curl -fsSL -o "$zip" "$proxy/golang.org/toolchain/@v/v0.0.1-go$GO_FALLBACK_VERSION.linux-amd64.zip" || return 1
    # The module zip holds golang.org/toolchain@<version>/{bin,pkg,src,…}: unpacked as $dir/go.
    python3 - "$zip" "$dir" <<'PY' || return 1
import os, stat, sys, zipfile
zip_path, target = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(zip_path) as z:
    for info in z.infolist():
        parts = info.filename.split('/')
        top = next((i for i, part in enumerate(parts) if '@' in part), None)
        name = '/'.join(parts[top + 1:]) if top is not None else ''
        if not name or name.endswith('/'):
            continue
        out = os.path.join(target, 'go', name)
        os.makedirs(os.path.dirname(out), exist_ok=True)
        with z.open(info) as src, open(out, 'wb') as dst:
            dst.write(src.read())
        mode = info.external_attr >> 16
        if mode & stat.S_IXUSR or '/bin/' in '/' + name or '/pkg/tool/' in '/' + name:
            os.chmod(out, 0o755)
PY
    rm -f "$zip"
  fi
  export PATH="$dir/go/bin:$PATH" GOROOT="$dir/go"
  go version >/dev/null || return 1
}

# build_go_tool <source dir> <name>: prints the path of a binary built from that module, rebuilt only
# when its sources change (the Go build cache makes a rebuild after a fresh clone take seconds).
build_go_tool() {
  local src="$1" name="$2"
  local hash
  hash=$(cat "$src"/go.mod "$src"/go.sum "$src"/*.go | sha256sum | cut -c1-16)
  local bin="$TOOLS_DIR/$name-$hash"
  if [[ ! -x "$bin" ]]; then
    mkdir -p "$TOOLS_DIR"
    (cd "$src" && GOFLAGS=-mod=mod go build -o "$bin.tmp" . && mv "$bin.tmp" "$bin") >&2 || return 1
  fi
  echo "$bin"
}

# free_port: a free loopback TCP port.
free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

# wait_for_port <port> <seconds>
wait_for_port() {
  local port="$1" deadline=$(( $(date +%s) + $2 ))
  until (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
    if (( $(date +%s) > deadline )); then return 1; fi
    sleep 0.2
  done
}

# install_go_binary <module>@<version> <name>: prints the path of a binary `go install`ed from the
# Go module proxy into its own cached folder (keyed by the version, so a new version rebuilds).
install_go_binary() {
  local module="$1" name="$2"
  local version="${module##*@}"
  local dir="$TOOLS_DIR/$name-$version"
  if [[ ! -x "$dir/$name" ]]; then
    mkdir -p "$dir"
    GOBIN="$dir" go install "$module" >&2 || return 1
  fi
  echo "$dir/$name"
}
