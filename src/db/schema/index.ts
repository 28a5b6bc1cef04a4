export * from './identity.js';
export * from './accounts.js';
export * from './people.js';
export * from './campaigns.js';
export * from './touchpoints.js';
export * from './opportunities.js';
export * from './capture.js';
export * from './platform.js';
