#!/bin/sh
# Creates (or reconciles) the JetStream streams of the hotline platform. Idempotent: run it on
# every deploy. Needs the `nats` CLI (the natsio/nats-box image has it) and the `ops` user.
#
#   NATS_URL=nats://nats:4222 NATS_USER=ops NATS_PASSWORD=... REPLICAS=3 ./provision-streams.sh
#
# The settings match ensureStreams() in packages/service-kit/src/nats.ts, which creates the
# same streams with 1 replica when a service boots before this script has run. If that
# happened, the `edit --replicas` below raises the replica count (nats-server 2.9 can change
# replicas of a live stream). See streams.md for what each stream is for.
set -eu

: "${NATS_URL:?set NATS_URL, e.g. nats://nats:4222}"
: "${NATS_USER:?set NATS_USER (the ops user)}"
: "${NATS_PASSWORD:?set NATS_PASSWORD}"
REPLICAS=${REPLICAS:-1}
export NATS_URL NATS_USER NATS_PASSWORD

# Wait for JetStream (the server may still be starting or electing a meta leader).
tries=0
until nats account info >/dev/null 2>&1; do
  tries=$((tries + 1))
  if [ "$tries" -ge 60 ]; then
    echo "JetStream not reachable at $NATS_URL after 60 tries" >&2
    nats account info
    exit 1
  fi
  sleep 2
done

# ensure NAME SUBJECTS DESCRIPTION
ensure() {
  name=$1 subjects=$2 description=$3
  if nats stream info "$name" >/dev/null 2>&1; then
    echo "stream $name exists: reconciling replicas=$REPLICAS"
    nats stream edit "$name" --replicas "$REPLICAS" --force >/dev/null
  else
    echo "stream $name missing: creating"
    # limits retention, discard old, no age/count/size limit (--defaults): the event log is kept,
    # bounded by the server's max_file_store; 2 min duplicate window for Nats-Msg-Id
    # de-duplication. Same settings as ensureStreams() in service-kit.
    nats stream add "$name" \
      --subjects "$subjects" \
      --description "$description" \
      --storage file \
      --replicas "$REPLICAS" \
      --retention limits \
      --discard old \
      --dupe-window 2m \
      --defaults >/dev/null
  fi
  nats stream info "$name"
}

ensure HOTLINE 'hotline.>' 'Domain events of the 12345 hotline platform (contract with partners)'
ensure DEADLETTER 'deadletter.>' 'Events a consumer gave up on: deadletter.<consumer>'
