#!/usr/bin/env bash
# Installs what the notebooks in this folder need, on Debian with Go
# installed, as root; safe to run again (it installs only what is missing
# or out of date):
#   - Jupyter's nbconvert and kernel client from Debian packages;
#   - GoNB, goimports and gopls, built with `go install` at the versions
#     tools/go.mod pins, into $(go env GOBIN) or $(go env GOPATH)/bin;
#   - the GoNB kernel, registered with Jupyter (`gonb --install`);
#   - the notebook module's dependencies, downloaded and compiled once.
# With --server it also installs the classic Jupyter notebook server
# (`jupyter notebook`), for working in a browser.
set -euo pipefail
cd "$(dirname "$0")"

packages=(jupyter-nbconvert jupyter-client python3-nbclient python3-ipykernel)
if [ "${1:-}" = "--server" ]; then
  packages+=(jupyter-notebook)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "== apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" > /dev/null
else
  echo "== Debian packages already installed"
fi

bin=$(go env GOBIN)
bin=${bin:-$(go env GOPATH)/bin}
export PATH="$bin:$PATH"
echo "== go install gonb, goimports, gopls (tools/go.mod) into $bin"
(cd tools && go install tool)

echo "== gonb --install (Jupyter kernel \"Go (gonb)\")"
if ! log=$(gonb --install 2>&1); then echo "$log"; exit 1; fi

echo "== notebook module: download and compile dependencies"
go build -tags notebook -o /dev/null .

echo "Done. For an interactive session put $bin on PATH: export PATH=\"$bin:\$PATH\""
