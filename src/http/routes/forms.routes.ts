import { createRoute, z } from '@hono/zod-openapi';
import { createForm } from '../../domain/capture/create-form.js';
import { CreateFormInput, FormSchema } from '../../domain/capture/form.schema.js';
import { formSnippet } from '../../domain/capture/form-snippet.js';
import { getForm, listForms } from '../../domain/capture/list-forms.js';
import type { App } from '../app.js';
import { errorResponses, IdParam, json } from './shared.js';

const tags = ['Forms'];
const Form = FormSchema.openapi('Form');

export function registerFormRoutes(app: App): void {
  app.openapi(createRoute({
    method: 'get', path: '/api/v1/forms', tags, summary: 'Website forms (hand-raisers post to /f/{key})',
    responses: { 200: { description: 'Forms', ...json(z.object({ data: z.array(Form) })) } },
  }), async (c) => c.json({ data: await listForms(c.get('ctx')) }, 200));

  app.openapi(createRoute({
    method: 'post', path: '/api/v1/forms', tags, summary: 'Create a website form',
    request: { body: { required: true, ...json(CreateFormInput) } },
    responses: { 201: { description: 'Created', ...json(Form) }, ...errorResponses },
  }), async (c) => c.json(await createForm(c.get('ctx'), c.req.valid('json')), 201));

  app.openapi(createRoute({
    method: 'get', path: '/api/v1/forms/{id}/snippet', tags, summary: 'Copy-paste HTML for the company website',
    request: { params: IdParam },
    responses: { 200: { description: 'HTML', ...json(z.object({ html: z.string() })) }, ...errorResponses },
  }), async (c) => {
    const form = await getForm(c.get('ctx'), c.req.valid('param').id);
    return c.json({ html: formSnippet(form, new URL(c.req.url).origin) }, 200);
  });
}
