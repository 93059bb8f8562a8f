import { connect, NatsConnection } from '@nats-io/transport-node';
import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';

export interface CollectedMessage {
  subject: string;
  data: string;
  json: Record<string, unknown>;
  headers: Record<string, string>;
}

/**
 * Subscribes like a partner: an ordered (ephemeral) JetStream consumer on a subject, from now
 * (or from the start), collecting every message for assertions.
 */
export async function collectEvents(natsUrl: string, subject: string, opts: { stream?: string; fromStart?: boolean } = {}) {
  const nc: NatsConnection = await connect({ servers: natsUrl, name: 'test-partner' });
  const js = jetstream(nc);
  const stream = opts.stream ?? 'HOTLINE';
  // An ephemeral pull consumer with one subject filter works on nats-server 2.9 (ordered
  // consumers there would need 2.10's filter_subjects).
  const info = await (
    await jetstreamManager(nc)
  ).consumers.add(stream, {
    filter_subject: subject,
    ack_policy: AckPolicy.None,
    deliver_policy: opts.fromStart ? DeliverPolicy.All : DeliverPolicy.New,
    inactive_threshold: 60_000_000_000,
  });
  const consumer = await js.consumers.get(stream, info.name);
  const messages: CollectedMessage[] = [];
  const iter = await consumer.consume();
  const done = (async () => {
    for await (const m of iter) {
      const headers: Record<string, string> = {};
      if (m.headers) for (const [k, v] of m.headers) headers[k] = v.join(',');
      const data = m.string();
      let json: Record<string, unknown> = {};
      try {
        json = JSON.parse(data);
      } catch {
        /* not JSON */
      }
      messages.push({ subject: m.subject, data, json, headers });
    }
  })();
  return {
    messages,
    async close() {
      await iter.close();
      await done;
      await nc.close();
    },
  };
}

export { AckPolicy, DeliverPolicy, jetstream, jetstreamManager, connect };
