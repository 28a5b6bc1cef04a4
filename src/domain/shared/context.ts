import type { Logger } from 'pino';
import type { Database, Engine } from '../../db/client.js';
import type { ActorType } from '../../db/schema/vocabulary.js';
import type { Clock } from './clock.js';

/** Who is acting: recorded on every change (audit trail, stage transitions, touches). */
export type Actor = { type: ActorType; id: string | null; label?: string };

export const SYSTEM_ACTOR: Actor = { type: 'system', id: null, label: 'system' };

export function actorLabel(actor: Actor): string {
  return actor.id ? `${actor.type}:${actor.id}` : actor.type;
}

/** Everything a use case needs; built once per request/command by the infrastructure. */
export type Ctx = {
  db: Database;
  engine: Engine;
  clock: Clock;
  actor: Actor;
  log: Logger;
};
