import type pg from 'pg';
import { hashPassword } from '../domain/identity/passwords.js';
import { DEMO_PASSWORD } from './demo-credentials.js';

/** Gives every demo user the known demo password (one argon2id hash, shared: it is a demo). */
export async function setDemoPasswords(client: pg.PoolClient): Promise<void> {
  const hash = await hashPassword(DEMO_PASSWORD);
  await client.query(`update users set password_hash = $1, password_changed_at = now() where email like '%@truce.demo'`, [hash]);
}
