/**
 * JSON Schemas of Open311 GeoReport v2 responses, written from the specification
 * (http://wiki.open311.org/GeoReport_v2), to check what intake answers.
 */
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

const nullableString = { type: ['string', 'null'] };
const dateTime = { type: 'string', format: 'date-time' };

export const discoverySchema = {
  type: 'object',
  required: ['changeset', 'contact', 'key_service', 'endpoints'],
  properties: {
    changeset: dateTime,
    contact: { type: 'string' },
    key_service: { type: 'string' },
    endpoints: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['specification', 'url', 'changeset', 'type', 'formats'],
        properties: {
          specification: { type: 'string', format: 'uri' },
          url: { type: 'string', format: 'uri' },
          changeset: dateTime,
          type: { enum: ['production', 'test'] },
          formats: { type: 'array', items: { enum: ['application/json', 'text/xml'] } },
        },
      },
    },
  },
};

export const servicesSchema = {
  type: 'array',
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group'],
    properties: {
      service_code: { type: 'string', minLength: 1 },
      service_name: { type: 'string', minLength: 1 },
      description: { type: 'string' },
      metadata: { type: 'boolean' },
      type: { enum: ['realtime', 'batch', 'blackbox'] },
      keywords: { type: 'string' },
      group: { type: 'string' },
    },
  },
};

export const serviceDefinitionSchema = {
  type: 'object',
  required: ['service_code', 'attributes'],
  properties: {
    service_code: { type: 'string' },
    attributes: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['variable', 'code', 'datatype', 'required', 'datatype_description', 'order', 'description'],
        properties: {
          variable: { type: 'boolean' },
          code: { type: 'string' },
          datatype: { enum: ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] },
          required: { type: 'boolean' },
          datatype_description: { type: 'string' },
          order: { type: 'integer', minimum: 1 },
          description: { type: 'string' },
          values: { type: 'array', items: { type: 'object', required: ['key', 'name'], properties: { key: { type: 'string' }, name: { type: 'string' } } } },
        },
      },
    },
  },
};

export const postResponseSchema = {
  type: 'array',
  minItems: 1,
  maxItems: 1,
  items: {
    type: 'object',
    required: ['service_request_id'],
    properties: { service_request_id: { type: 'string', minLength: 1 }, token: nullableString, service_notice: nullableString, account_id: nullableString },
  },
};

export const serviceRequestsSchema = {
  type: 'array',
  maxItems: 1000,
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['service_request_id', 'status', 'service_name', 'service_code', 'requested_datetime', 'updated_datetime'],
    properties: {
      service_request_id: { type: 'string' },
      status: { enum: ['open', 'closed'] },
      status_notes: nullableString,
      service_name: { type: 'string' },
      service_code: nullableString,
      description: nullableString,
      agency_responsible: nullableString,
      service_notice: nullableString,
      requested_datetime: dateTime,
      updated_datetime: dateTime,
      expected_datetime: { anyOf: [dateTime, { type: 'null' }] },
      address: nullableString,
      address_id: nullableString,
      zipcode: nullableString,
      lat: { type: ['number', 'null'], minimum: -90, maximum: 90 },
      long: { type: ['number', 'null'], minimum: -180, maximum: 180 },
      media_url: { anyOf: [{ type: 'string', format: 'uri' }, { type: 'null' }] },
    },
  },
};

export const errorsSchema = {
  type: 'array',
  minItems: 1,
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['code', 'description'],
    properties: { code: { type: 'integer' }, description: { type: 'string', minLength: 1 } },
  },
};

const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats(ajv);

/** Throws with ajv's messages when `data` does not match `schema`. */
export function assertSchema(schema: object, data: unknown): void {
  const validate = ajv.compile(schema);
  if (!validate(data)) throw new Error(`does not match the Open311 schema: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(data).slice(0, 500)}`);
}
