/** Word lists for a plausible mid-market B2B company and its market. */
export const NAME_PARTS_A = ['Acme', 'Blue', 'North', 'Silver', 'Bright', 'Iron', 'Summit', 'Nova', 'Vertex', 'Cedar', 'Pioneer', 'Harbor', 'Atlas', 'Crest', 'Polar', 'Granite', 'Swift', 'Quantum', 'Evergreen', 'Keystone', 'Lumen', 'Orbit', 'Prairie', 'Redwood', 'Sterling', 'Titan', 'Union', 'Vector', 'Willow', 'Zenith', 'Apex', 'Beacon', 'Cobalt', 'Delta', 'Ember', 'Falcon', 'Golden', 'Horizon', 'Indigo', 'Juniper'];
export const NAME_PARTS_B = ['Logistics', 'Systems', 'Health', 'Foods', 'Energy', 'Robotics', 'Analytics', 'Retail', 'Manufacturing', 'Capital', 'Labs', 'Networks', 'Pharma', 'Motors', 'Materials', 'Software', 'Insurance', 'Media', 'Telecom', 'Aerospace', 'Biotech', 'Freight', 'Solar', 'Textiles', 'Chemicals'];
export const NAME_SUFFIX = ['Inc', 'Group', 'GmbH', 'Ltd', 'Corp', 'AG', 'SA', 'BV', 'LLC', 'plc'];
export const INDUSTRIES = ['Manufacturing', 'Logistics', 'Healthcare', 'Financial Services', 'Retail', 'Software', 'Energy', 'Telecommunications', 'Pharmaceuticals', 'Education', 'Public Sector', 'Media'];

export type Territory = 'NA' | 'EMEA' | 'APAC';
export const COUNTRIES: readonly (readonly [string, Territory, string[], number])[] = [
  ['US', 'NA', ['New York', 'Chicago', 'Austin', 'Denver', 'Atlanta', 'Seattle'], 30],
  ['CA', 'NA', ['Toronto', 'Vancouver', 'Montreal'], 6],
  ['GB', 'EMEA', ['London', 'Manchester', 'Leeds'], 10],
  ['DE', 'EMEA', ['Berlin', 'Munich', 'Hamburg', 'Frankfurt'], 10],
  ['FR', 'EMEA', ['Paris', 'Lyon', 'Toulouse'], 7],
  ['NL', 'EMEA', ['Amsterdam', 'Rotterdam'], 4],
  ['SE', 'EMEA', ['Stockholm', 'Gothenburg'], 3],
  ['ES', 'EMEA', ['Madrid', 'Barcelona'], 4],
  ['JP', 'APAC', ['Tokyo', 'Osaka'], 5],
  ['AU', 'APAC', ['Sydney', 'Melbourne'], 5],
  ['SG', 'APAC', ['Singapore'], 3],
  ['IN', 'APAC', ['Bangalore', 'Mumbai', 'Pune'], 5],
];
export const TLD: Record<string, string> = { US: 'com', CA: 'ca', GB: 'co.uk', DE: 'de', FR: 'fr', NL: 'nl', SE: 'se', ES: 'es', JP: 'jp', AU: 'com.au', SG: 'sg', IN: 'in' };

export const FIRST_NAMES = ['Anna', 'Ben', 'Carla', 'David', 'Elena', 'Felix', 'Grace', 'Hugo', 'Ines', 'Jonas', 'Kara', 'Liam', 'Maya', 'Noah', 'Olga', 'Paul', 'Quinn', 'Rosa', 'Sam', 'Tara', 'Umar', 'Vera', 'Will', 'Xenia', 'Yusuf', 'Zoe', 'Aiko', 'Bruno', 'Chloe', 'Dev', 'Emma', 'Farid', 'Greta', 'Hiro', 'Ivy', 'Jamal', 'Kenji', 'Lena', 'Marco', 'Nina', 'Omar', 'Priya', 'Raj', 'Sofia', 'Tom', 'Uma', 'Victor', 'Wen', 'Yara', 'Zack'];
export const LAST_NAMES = ['Smith', 'Müller', 'Martin', 'Garcia', 'Rossi', 'Jansen', 'Andersson', 'Tanaka', 'Patel', 'Nguyen', 'Brown', 'Schmidt', 'Dubois', 'Lopez', 'Bianchi', 'de Vries', 'Larsson', 'Suzuki', 'Sharma', 'Tran', 'Wilson', 'Fischer', 'Bernard', 'Martinez', 'Romano', 'Bakker', 'Nilsson', 'Sato', 'Singh', 'Le', 'Taylor', 'Weber', 'Moreau', 'Sanchez', 'Ricci', 'Visser', 'Eriksson', 'Ito', 'Gupta', 'Pham', 'Clark', 'Wagner', 'Laurent', 'Perez', 'Greco', 'Smit', 'Berg', 'Kato', 'Rao', 'Hoang'];

/** Title, seniority, buying role and its weight among the people of a B2B market. */
export const TITLES: readonly (readonly [string, string, string, number])[] = [
  ['Chief Operating Officer', 'c_level', 'economic_buyer', 2], ['Chief Information Officer', 'c_level', 'economic_buyer', 2],
  ['Chief Financial Officer', 'c_level', 'economic_buyer', 1], ['VP Operations', 'vp', 'decision_maker', 4],
  ['VP Supply Chain', 'vp', 'decision_maker', 3], ['VP Engineering', 'vp', 'decision_maker', 3],
  ['Director of IT', 'director', 'decision_maker', 6], ['Director of Logistics', 'director', 'champion', 6],
  ['Head of Procurement', 'director', 'blocker', 3], ['Operations Manager', 'manager', 'champion', 12],
  ['IT Manager', 'manager', 'influencer', 10], ['Procurement Manager', 'manager', 'influencer', 6],
  ['Business Analyst', 'individual', 'user', 12], ['Systems Engineer', 'individual', 'user', 12],
  ['Planner', 'individual', 'user', 10], ['Data Analyst', 'individual', 'influencer', 8],
  ['Student', 'student', 'user', 1],
];

export const FREE_MAIL = ['gmail.com', 'yahoo.com', 'outlook.com', 'hotmail.com', 'icloud.com', 'gmx.de'];
export const ASSETS = ['ROI calculator', 'Buyer guide 2026', 'Analyst report', 'Case study: Atlas Freight', 'Product tour video', 'Benchmark report', 'Security whitepaper', 'Pricing page'];
export const LOST_REASONS = ['no budget', 'chose competitor', 'no decision', 'timing', 'missing feature', 'price'];
