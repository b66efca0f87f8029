#!/usr/bin/env bash
# Mints a bearer token for the local stack, signed with the dev key generate-secrets.sh made
# (docker/secrets/token_private_key.pem), with the issuer and audience docker-compose.yml configures.
#
#   docker/mint-token.sh SUBJECT ROLE[,ROLE...] [LIFETIME_SECONDS]     (lifetime default 3600, at most 86400)
#   docker/mint-token.sh duty.ops esr:operator
#   curl -H "Authorization: Bearer $(docker/mint-token.sh rostering esr:platform)" localhost:8081/api/v1/workers
#
# Roles: esr:platform (/api), esr:operator (operations, actuator, /api), esr:metrics (/actuator/prometheus only).
# A real deployment never uses this: tokens come from the Trust's identity provider.
set -euo pipefail
if [ $# -lt 2 ]; then
    sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
fi
subject=$1
roles=$2
lifetime=${3:-3600}
if ! [[ $lifetime =~ ^[0-9]+$ ]] || [ "$lifetime" -lt 1 ] || [ "$lifetime" -gt 86400 ]; then
    echo "lifetime must be 1..86400 seconds: short-lived tokens only" >&2
    exit 2
fi
if ! [[ $subject =~ ^[A-Za-z0-9._@:-]+$ ]] || ! [[ $roles =~ ^[A-Za-z0-9._:,-]+$ ]]; then
    echo "subject and roles: letters, digits and . _ @ : - only (roles separated by commas)" >&2
    exit 2
fi
key="${ESR_TOKEN_PRIVATE_KEY:-$(cd "$(dirname "$0")" && pwd)/secrets/token_private_key.pem}"
issuer="${ESR_TOKEN_ISSUER:-https://esr-local-issuer.invalid}"
audience="${ESR_TOKEN_AUDIENCE:-esr-integration}"
[ -r "$key" ] || { echo "no signing key at $key: run docker/generate-secrets.sh first" >&2; exit 1; }

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
roles_json=$(printf '%s' "$roles" | tr ',' '\n' | sed 's/.*/"&"/' | paste -sd, -)
now=$(date +%s)
header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
payload=$(printf '{"iss":"%s","aud":"%s","sub":"%s","roles":[%s],"iat":%d,"exp":%d,"jti":"%s"}' \
    "$issuer" "$audience" "$subject" "$roles_json" "$now" $((now + lifetime)) \
    "$(openssl rand -hex 16)" | b64url)
signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$key" -binary | b64url)
printf '%s.%s.%s\n' "$header" "$payload" "$signature"
