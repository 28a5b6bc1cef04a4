import { hash, verify } from '@node-rs/argon2';
import { z } from '../shared/zod.js';

/** argon2id with the library's defaults (19 MiB, 2 passes): memory-hard, ~20 ms here. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try { return await verify(passwordHash, password); } catch { return false; }
}

/** A password everyone can remember and nobody can guess quickly: 10+ characters. */
export const PasswordSchema = z.string().min(10, 'at least 10 characters').max(200, 'at most 200 characters');

/**
 * A hash to verify against when the e-mail is unknown, so a wrong e-mail costs the same time as a
 * wrong password (no user enumeration by timing).
 */
let decoy: Promise<string> | null = null;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword('decoy-password-nobody-has');
  return decoy;
}
