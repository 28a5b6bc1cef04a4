/** The demo company's sign-ins, one per role (passwords arrive with sign-in, in the identity issue). */
export const DEMO_SIGN_INS = [
  { role: 'admin', email: 'admin@truce.demo' },
  { role: 'marketing', email: 'marketing@truce.demo' },
  { role: 'sdr', email: 'sdr@truce.demo' },
  { role: 'sales_rep', email: 'rep@truce.demo' },
  { role: 'sales_manager', email: 'manager@truce.demo' },
  { role: 'product', email: 'product@truce.demo' },
  { role: 'exec', email: 'exec@truce.demo' },
] as const;
