#!/usr/bin/env sh
# Tests every NATS configuration in the repository with the installed nats-server (2.9+):
#   - infra/nats/nats-server.conf and infra/nats/cluster.conf parse and are valid (`-t`);
#   - the copies Kubernetes uses (infra/k8s/nats/: nats.conf, accounts.conf,
#     provision-streams.sh) have not drifted from the originals here.
# Passwords are dummies: `-t` only needs the variables to exist.
set -eu
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
k8s="$here/../k8s/nats"
bin=${NATS_SERVER_BIN:-nats-server}

for u in SYS OPS PARTNER IDENTITY INTAKE DISPATCH GATEWAY CALLBACK SUPERVISION PUBLICITY ANALYTICS; do
  export "NATS_${u}_PASSWORD=check-only-$u"
done
export SERVER_NAME=nats-0

"$bin" --version
for conf in "$here/nats-server.conf" "$here/cluster.conf"; do
  "$bin" -c "$conf" -t
done

status=0
if ! cmp -s "$here/accounts.conf" "$k8s/accounts.conf"; then
  echo "infra/k8s/nats/accounts.conf differs from infra/nats/accounts.conf: copy it over" >&2
  status=1
fi
if ! cmp -s "$here/cluster.conf" "$k8s/nats.conf"; then
  echo "infra/k8s/nats/nats.conf differs from infra/nats/cluster.conf: copy it over" >&2
  status=1
fi
if ! cmp -s "$here/provision-streams.sh" "$k8s/provision-streams.sh"; then
  echo "infra/k8s/nats/provision-streams.sh differs from infra/nats/provision-streams.sh: copy it over" >&2
  status=1
fi
[ "$status" -eq 0 ] && echo "NATS configs OK"
exit "$status"
