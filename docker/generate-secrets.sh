#!/usr/bin/env bash
# Creates the secrets docker-compose.yml mounts, in docker/secrets/ (git-ignored): the mailbox's host key, our
# client key, the known_hosts line that pins the host key, and a database password. Run once before `up`.
set -euo pipefail
dir="$(cd "$(dirname "$0")" && pwd)/secrets"
mkdir -p "$dir"
cd "$dir"
[ -f ssh_host_ed25519_key ] || ssh-keygen -q -t ed25519 -N '' -C esr-mailbox -f ssh_host_ed25519_key
[ -f esr_mailbox_key ] || ssh-keygen -q -t ed25519 -N '' -C esr-suite -f esr_mailbox_key
cp esr_mailbox_key.pub authorized_key.pub
echo "[esr-mailbox]:22 $(cut -d' ' -f1,2 ssh_host_ed25519_key.pub)" > known_hosts
# a local token issuer key: sign tokens with token_private_key.pem (roles claim: platform / operator)
[ -f token_private_key.pem ] || openssl genpkey -quiet -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out token_private_key.pem
openssl pkey -in token_private_key.pem -pubout -out token_public_key.pem
# an operator token for Prometheus, signed with that key (RS256; valid one year)
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
payload=$(printf '{"sub":"prometheus","roles":["operator"],"iat":%d,"exp":%d}' "$now" $((now + 31536000)) | b64url)
signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign token_private_key.pem -binary | b64url)
printf '%s.%s.%s' "$header" "$payload" "$signature" > prometheus_token
[ -f db_password ] || head -c 24 /dev/urandom | base64 | tr -d '/+=' > db_password
# compose mounts secrets as plain bind mounts, so the non-root service user must be able to read them;
# a real deployment takes them from its orchestrator's secret store instead
chmod 644 esr_mailbox_key ssh_host_ed25519_key db_password token_public_key.pem prometheus_token
echo "secrets written to $dir"
