import type { Logger } from 'pino';
import type { Database, Engine } from '../../db/client.js';
import type { ActorType, Role } from '../../db/schema/vocabulary.js';
import type { Clock } from './clock.js';

/** Who is acting: recorded on every change (audit trail, stage transitions, touches). */
export type Actor = { type: ActorType; id: string | null; label?: string };

export const SYSTEM_ACTOR: Actor = { type: 'system', id: null, label: 'system' };

export function actorLabel(actor: Actor): string {
  return actor.id ? `${actor.type}:${actor.id}` : actor.type;
}

/**
 * Whose rights apply: the role and the users whose records count as "ours" (the user, plus the
 * team for an SDR, plus the reports for a manager). Record-level rules read it
 * (src/domain/identity/access); the infrastructure only builds it.
 */
export type Principal = {
  userId: string | null;
  role: Role;
  teamId: string | null;
  /** The user and, for SDRs and managers, their team: whose records count as theirs. */
  teamUserIds: string[];
  via: 'session' | 'api_key' | 'system';
};

/** The command line, jobs, the demo loader and public forms act as the system: every right. */
export const SYSTEM_PRINCIPAL: Principal = { userId: null, role: 'admin', teamId: null, teamUserIds: [], via: 'system' };

/** Everything a use case needs; built once per request/command by the infrastructure. */
export type Ctx = {
  db: Database;
  engine: Engine;
  clock: Clock;
  actor: Actor;
  principal: Principal;
  log: Logger;
};

/** A context acting as the system (CLI, jobs, scripts, tests). */
export function systemCtx(handle: { db: Database; engine: Engine }, clock: Clock, log: Logger, actor: Actor = SYSTEM_ACTOR): Ctx {
  return { db: handle.db, engine: handle.engine, clock, actor, principal: SYSTEM_PRINCIPAL, log };
}
