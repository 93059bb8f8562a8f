import { connect, NatsConnection } from '@nats-io/transport-node';
import { DiscardPolicy, jetstreamManager, RetentionPolicy, StorageType } from '@nats-io/jetstream';
import { DEADLETTER_STREAM, STREAM, STREAM_SUBJECTS } from '@hotline/contracts';

const nanos = (ms: number) => ms * 1_000_000;

export async function connectNats(opts: { url: string; name: string; user?: string; pass?: string }): Promise<NatsConnection> {
  return connect({ servers: opts.url, name: opts.name, user: opts.user, pass: opts.pass, maxReconnectAttempts: -1, reconnectTimeWait: 500 });
}

/**
 * Creates the domain stream and the dead-letter stream when they are missing. Idempotent, and
 * safe when several services race to do it at boot.
 */
export async function ensureStreams(nc: NatsConnection, opts: { replicas?: number } = {}): Promise<void> {
  const jsm = await jetstreamManager(nc);
  const wanted = [
    { name: STREAM, subjects: [STREAM_SUBJECTS], duplicate_window: nanos(120_000) },
    { name: DEADLETTER_STREAM, subjects: ['deadletter.>'], duplicate_window: nanos(120_000) },
  ];
  for (const s of wanted) {
    try {
      await jsm.streams.info(s.name);
    } catch {
      try {
        await jsm.streams.add({
          ...s,
          storage: StorageType.File,
          retention: RetentionPolicy.Limits,
          discard: DiscardPolicy.Old,
          num_replicas: opts.replicas ?? 1,
        });
      } catch (e) {
        // Another service created it in between: fine as long as it exists now.
        await jsm.streams.info(s.name).catch(() => {
          throw e;
        });
      }
    }
  }
}
