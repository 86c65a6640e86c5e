#!/usr/bin/env bash
# Creates a local development CA and a server certificate signed by it, for the gateway's TLS and WSS
# listeners: ca.pem, ca.key, server.pem, server.key in the given folder (created if missing).
# Existing files are kept, so running it again is harmless; pass --force to replace them.
# The server certificate's SAN covers localhost and 127.0.0.1; keys are EC P-256 in PKCS#8 PEM.
set -euo pipefail

usage() {
    echo "usage: $0 [--force] <output-folder> [validity-days]" >&2
    exit 2
}

force=false
if [[ "${1:-}" == "--force" ]]; then
    force=true
    shift
fi
[[ $# -ge 1 && $# -le 2 ]] || usage
out="$1"
days="${2:-825}"

command -v openssl >/dev/null || { echo "openssl is required (Debian package: openssl)" >&2; exit 1; }
mkdir -p "$out"

if [[ "$force" == false && -s "$out/ca.pem" && -s "$out/ca.key" && -s "$out/server.pem" && -s "$out/server.key" ]]; then
    echo "certificates already present in $out"
    exit 0
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$work/ca.key"
openssl req -x509 -new -key "$work/ca.key" -sha256 -days "$days" -subj "/CN=Starling Dev CA" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -out "$work/ca.pem"

openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$work/server.key"
openssl req -new -key "$work/server.key" -subj "/CN=localhost" -out "$work/server.csr"
cat > "$work/server.ext" <<EXT
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth
subjectAltName=DNS:localhost,IP:127.0.0.1
EXT
openssl x509 -req -in "$work/server.csr" -CA "$work/ca.pem" -CAkey "$work/ca.key" -CAcreateserial \
    -days "$days" -sha256 -extfile "$work/server.ext" -out "$work/server.pem" 2>/dev/null

chmod 600 "$work/ca.key" "$work/server.key"
# Moved into place last, keys before certificates, so a running gateway's reload never sees a
# certificate without its key.
mv "$work/ca.key" "$out/ca.key"
mv "$work/ca.pem" "$out/ca.pem"
mv "$work/server.key" "$out/server.key"
mv "$work/server.pem" "$out/server.pem"
echo "wrote ca.pem, ca.key, server.pem, server.key to $out"
