import { z } from 'zod';
import { EnvelopeSchema } from './envelope';
import { EVENT_LABELS, EVENT_SCHEMAS, EventType } from './events';

/** The AsyncAPI 2.6 document partners read: one channel per subject, payload = envelope + data. */
export function buildAsyncApi(): Record<string, unknown> {
  const channels: Record<string, unknown> = {};
  for (const [type, versions] of Object.entries(EVENT_SCHEMAS)) {
    const messages = Object.entries(versions as Record<string, z.ZodType>).map(([version, schema]) => ({
      name: `${type}.v${version}`,
      title: `${EVENT_LABELS[type as EventType]} (v${version})`,
      payload: {
        allOf: [
          z.toJSONSchema(EnvelopeSchema.omit({ data: true }), { target: 'draft-7' }),
          { type: 'object', properties: { version: { const: Number(version) }, data: z.toJSONSchema(schema, { target: 'draft-7' }) } },
        ],
      },
    }));
    channels[type] = {
      description: EVENT_LABELS[type as EventType],
      subscribe: { operationId: `on_${type.replace(/[.-]/g, '_')}`, message: messages.length === 1 ? messages[0] : { oneOf: messages } },
    };
  }
  return {
    asyncapi: '2.6.0',
    info: {
      title: '接诉即办 event stream (hotline.>)',
      version: '1.0.0',
      description:
        'Domain events on the NATS JetStream stream HOTLINE. Every message carries Nats-Msg-Id = envelope id. No event carries a citizen name, phone number or full address.',
    },
    defaultContentType: 'application/json',
    servers: { local: { url: 'nats://127.0.0.1:4222', protocol: 'nats' } },
    channels,
  };
}
