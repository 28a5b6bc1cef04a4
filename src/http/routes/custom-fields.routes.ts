import { createRoute, z } from '@hono/zod-openapi';
import { CustomFieldEntityQuery, CustomFieldSchema, DefineCustomFieldInput } from '../../domain/custom-fields/custom-field.schema.js';
import { defineCustomField } from '../../domain/custom-fields/define-custom-field.js';
import { listCustomFields } from '../../domain/custom-fields/list-custom-fields.js';
import type { App } from '../app.js';
import { errorResponses, json } from './shared.js';

const tags = ['Custom fields'];
const CustomField = CustomFieldSchema.openapi('CustomField');

export function registerCustomFieldRoutes(app: App): void {
  app.openapi(createRoute({
    method: 'get', path: '/api/v1/custom-fields', tags, summary: 'Custom field definitions',
    request: { query: CustomFieldEntityQuery },
    responses: { 200: { description: 'Definitions', ...json(z.object({ data: z.array(CustomField) })) }, ...errorResponses },
  }), async (c) => c.json({ data: await listCustomFields(c.get('ctx').db, c.req.valid('query').entity) }, 200));

  app.openapi(createRoute({
    method: 'post', path: '/api/v1/custom-fields', tags, summary: 'Define a custom field on people, accounts or opportunities',
    request: { body: { required: true, ...json(DefineCustomFieldInput) } },
    responses: { 201: { description: 'Defined', ...json(CustomField) }, ...errorResponses },
  }), async (c) => c.json(await defineCustomField(c.get('ctx'), c.req.valid('json')), 201));
}
