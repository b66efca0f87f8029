#!/usr/bin/env bash
# Creates the secrets docker-compose.yml mounts, in docker/secrets/ (git-ignored): the mailbox's host key, our
# client key, the known_hosts line that pins the host key, a database password, a dev token-signing key and a
# short-lived (24 h) metrics token for Prometheus. Run once before `up`, and again (e.g. daily from cron) to renew
# the Prometheus token: existing keys and the password are kept, the token is minted afresh.
#
# Every file is 0600 and owned by the one container user that reads it (compose mounts secrets as plain bind
# mounts, which keep owner and mode), so this runs as root: `sudo docker/generate-secrets.sh`. Where bind mounts
# ignore ownership (Docker Desktop), ESR_SECRETS_CHOWN=no skips the chown. A real deployment takes its secrets
# from its orchestrator's secret store instead.
set -euo pipefail
umask 077

# the containers' users: services (service.Dockerfile), postgres:15, sshd in atmoz/sftp, prom/prometheus (nobody)
SERVICE_UID=10001
POSTGRES_UID=999
MAILBOX_UID=0
PROMETHEUS_UID=65534

chown_files=${ESR_SECRETS_CHOWN:-yes}
if [ "$chown_files" = yes ] && [ "$(id -u)" -ne 0 ]; then
    echo "run as root (sudo $0) so that each container's user owns its secrets, or set ESR_SECRETS_CHOWN=no" >&2
    exit 1
fi
# the signing key stays with whoever ran this (through sudo: the calling user), for docker/mint-token.sh
operator_uid=${SUDO_UID:-$(id -u)}

here="$(cd "$(dirname "$0")" && pwd)"
dir="$here/secrets"
mkdir -p "$dir"
chmod 0700 "$dir"
cd "$dir"

owned() {
    local uid=$1
    shift
    chmod 0600 "$@"
    if [ "$chown_files" = yes ]; then
        chown "$uid" "$@"
    fi
}

[ -f ssh_host_ed25519_key ] || ssh-keygen -q -t ed25519 -N '' -C esr-mailbox -f ssh_host_ed25519_key
[ -f esr_mailbox_key ] || ssh-keygen -q -t ed25519 -N '' -C esr-suite -f esr_mailbox_key
cp esr_mailbox_key.pub authorized_key.pub
echo "[esr-mailbox]:22 $(cut -d' ' -f1,2 ssh_host_ed25519_key.pub)" > known_hosts
[ -f db_password ] || head -c 24 /dev/urandom | base64 | tr -d '/+=' > db_password
# the database reads the same password as its own user
cp db_password postgres_db_password

# a local token issuer key (RS256); a deployment trusts the Trust's identity provider instead
[ -f token_private_key.pem ] || openssl genpkey -quiet -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out token_private_key.pem
openssl pkey -in token_private_key.pem -pubout -out token_public_key.pem
# Prometheus may read /actuator/prometheus and nothing else, for a day; it reads the file at every scrape.
# Written in place, not renamed over: a running container's bind mount keeps the file it was started with.
token=$(ESR_TOKEN_PRIVATE_KEY="$dir/token_private_key.pem" "$here/mint-token.sh" prometheus esr:metrics 86400)
printf '%s' "$token" > prometheus_token

owned "$SERVICE_UID" esr_mailbox_key known_hosts db_password token_public_key.pem
owned "$POSTGRES_UID" postgres_db_password
owned "$MAILBOX_UID" ssh_host_ed25519_key authorized_key.pub
owned "$PROMETHEUS_UID" prometheus_token
owned "$operator_uid" token_private_key.pem esr_mailbox_key.pub ssh_host_ed25519_key.pub
if [ "$chown_files" = yes ]; then
    chown "$operator_uid" "$dir"
fi
echo "secrets written to $dir (Prometheus token valid 24 h: run this again to renew it)"
