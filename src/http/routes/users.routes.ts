import { createRoute, z } from '@hono/zod-openapi';
import { createTeam } from '../../domain/identity/create-team.js';
import { createUser } from '../../domain/identity/create-user.js';
import { listTeams } from '../../domain/identity/list-teams.js';
import { listUsers } from '../../domain/identity/list-users.js';
import { updateUser } from '../../domain/identity/update-user.js';
import { resetPassword } from '../../domain/identity/reset-password.js';
import { ResetPasswordInput } from '../../domain/identity/auth.schema.js';
import { CreateTeamInput, CreateUserInput, TeamSchema, UpdateUserInput, UserSchema, UsersFilter } from '../../domain/identity/user.schema.js';
import type { App } from '../app.js';
import { errorResponses, IdParam, json, listRoutes } from './shared.js';

const tags = ['Users and teams'];
const User = UserSchema.openapi('User');
const Team = TeamSchema.openapi('Team');

export function registerUserRoutes(app: App): void {
  listRoutes(app, {
    path: '/api/v1/users', tag: 'Users and teams', name: 'users', summary: 'List users', filter: UsersFilter,
    item: User, itemName: 'User', sorts: ['name', 'email', 'createdAt'] as const, defaultSort: 'name', defaultOrder: 'asc', exportSort: 'createdAt',
    columns: ['id', 'externalId', 'email', 'name', 'role', 'teamId', 'managerId', 'timezone', 'active', 'lastSignInAt', 'lockedUntil', 'createdAt'],
    fetch: (c, filter, page) => listUsers(c.get('ctx'), filter, page),
  });

  app.openapi(createRoute({
    method: 'post', path: '/api/v1/users', tags, summary: 'Create a user',
    request: { body: { required: true, ...json(CreateUserInput) } },
    responses: { 201: { description: 'Created', ...json(User) }, ...errorResponses },
  }), async (c) => c.json(await createUser(c.get('ctx'), c.req.valid('json')), 201));

  app.openapi(createRoute({
    method: 'patch', path: '/api/v1/users/{id}', tags, summary: 'Update or disable a user',
    request: { params: IdParam, body: { required: true, ...json(UpdateUserInput) } },
    responses: { 200: { description: 'Updated', ...json(User) }, ...errorResponses },
  }), async (c) => c.json(await updateUser(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200));

  app.openapi(createRoute({
    method: 'post', path: '/api/v1/users/{id}/reset-password', tags, summary: 'Set a new password for a user (admins); unlocks the user and ends their sessions',
    request: { params: IdParam, body: { required: true, ...json(ResetPasswordInput) } },
    responses: { 200: { description: 'The new password, shown once', ...json(z.object({ password: z.string() })) }, ...errorResponses },
  }), async (c) => c.json(await resetPassword(c.get('ctx'), c.req.valid('param').id, c.req.valid('json').password), 200));

  app.openapi(createRoute({
    method: 'get', path: '/api/v1/teams', tags, summary: 'List teams',
    responses: { 200: { description: 'Teams', ...json(z.object({ data: z.array(Team) })) } },
  }), async (c) => c.json({ data: await listTeams(c.get('ctx')) }, 200));

  app.openapi(createRoute({
    method: 'post', path: '/api/v1/teams', tags, summary: 'Create a team',
    request: { body: { required: true, ...json(CreateTeamInput) } },
    responses: { 201: { description: 'Created', ...json(Team) }, ...errorResponses },
  }), async (c) => c.json(await createTeam(c.get('ctx'), c.req.valid('json')), 201));
}
