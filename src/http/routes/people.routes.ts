import { createRoute } from '@hono/zod-openapi';
import { TouchpointFilter, TouchpointSchema } from '../../domain/capture/touchpoint.schema.js';
import { listTouchpoints } from '../../domain/capture/list-touchpoints.js';
import { createPerson } from '../../domain/people/create-person.js';
import { getPerson } from '../../domain/people/get-person.js';
import { listPeople } from '../../domain/people/list-people.js';
import {
  CreatePersonInput, PEOPLE_SORTS, PeopleFilter, PersonDetailSchema, PersonSchema, UpdatePersonInput,
} from '../../domain/people/person.schema.js';
import { updatePerson } from '../../domain/people/update-person.js';
import type { App } from '../app.js';
import { errorResponses, IdParam, json, listQuery, listRoutes, pageOf, pageParams } from './shared.js';

const tags = ['People'];
const Person = PersonSchema.openapi('Person');
const PersonDetail = PersonDetailSchema.openapi('PersonDetail');
const TouchQuery = TouchpointFilter.omit({ personId: true, accountId: true })
  .extend(listQuery(['occurredAt', 'recordedAt'] as const, 'occurredAt').shape);

export const PERSON_EXPORT_COLUMNS = [
  'id', 'externalId', 'email', 'firstName', 'lastName', 'title', 'seniority', 'buyingRole', 'phone', 'companyName',
  'country', 'region', 'consentStatus', 'consentAt', 'originalSource', 'originalChannel', 'lifecycleStage',
  'ownerId', 'accountId', 'custom', 'createdAt', 'updatedAt',
];

export function registerPeopleRoutes(app: App): void {
  listRoutes(app, {
    path: '/api/v1/people', tag: 'People', name: 'people', summary: 'List people (leads and contacts)', filter: PeopleFilter,
    item: Person, itemName: 'Person', sorts: PEOPLE_SORTS, defaultSort: 'createdAt', exportSort: 'createdAt', columns: PERSON_EXPORT_COLUMNS,
    fetch: (c, filter, page) => listPeople(c.get('ctx'), filter, page),
  });

  app.openapi(createRoute({
    method: 'post', path: '/api/v1/people', tags, summary: 'Create a person',
    request: { body: { required: true, ...json(CreatePersonInput) } },
    responses: { 201: { description: 'Created', ...json(Person) }, ...errorResponses },
  }), async (c) => c.json(await createPerson(c.get('ctx'), c.req.valid('json')), 201));

  app.openapi(createRoute({
    method: 'get', path: '/api/v1/people/{id}', tags, summary: 'Get a person with account and owner',
    request: { params: IdParam },
    responses: { 200: { description: 'The person', ...json(PersonDetail) }, ...errorResponses },
  }), async (c) => c.json(await getPerson(c.get('ctx'), c.req.valid('param').id), 200));

  app.openapi(createRoute({
    method: 'patch', path: '/api/v1/people/{id}', tags, summary: 'Update a person (not the lifecycle stage)',
    request: { params: IdParam, body: { required: true, ...json(UpdatePersonInput) } },
    responses: { 200: { description: 'Updated', ...json(Person) }, ...errorResponses },
  }), async (c) => c.json(await updatePerson(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200));

  app.openapi(createRoute({
    method: 'get', path: '/api/v1/people/{id}/touchpoints', tags, summary: "A person's timeline of touches",
    request: { params: IdParam, query: TouchQuery },
    responses: { 200: { description: 'Touches, newest first by default', ...json(pageOf(TouchpointSchema.openapi('Touchpoint'), 'TouchpointPage')) }, ...errorResponses },
  }), async (c) => {
    const q = c.req.valid('query');
    const personId = c.req.valid('param').id;
    await getPerson(c.get('ctx'), personId);
    return c.json(await listTouchpoints(c.get('ctx'), { ...q, personId }, pageParams(q)), 200);
  });

}
