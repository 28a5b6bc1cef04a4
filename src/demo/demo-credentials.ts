/** The demo company's sign-ins, one per role, all with the same known password (printed by `npm start`). */
export const DEMO_PASSWORD = 'truce-demo-2026';

export const DEMO_SIGN_INS = [
  { role: 'admin', email: 'admin@truce.demo' },
  { role: 'marketing', email: 'marketing@truce.demo' },
  { role: 'sdr', email: 'sdr@truce.demo' },
  { role: 'sales_rep', email: 'rep@truce.demo' },
  { role: 'sales_manager', email: 'manager@truce.demo' },
  { role: 'product', email: 'product@truce.demo' },
  { role: 'exec', email: 'exec@truce.demo' },
] as const;
