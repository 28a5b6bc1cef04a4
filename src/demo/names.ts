/** Word lists for a plausible mid-market B2B company and its market (the demo sells operations software). */
export const NAME_PARTS_A = [
  'Acme', 'Blue', 'North', 'Silver', 'Bright', 'Iron', 'Summit', 'Nova', 'Vertex', 'Cedar', 'Pioneer', 'Harbor', 'Atlas',
  'Crest', 'Polar', 'Granite', 'Swift', 'Quantum', 'Evergreen', 'Keystone', 'Lumen', 'Orbit', 'Prairie', 'Redwood',
  'Sterling', 'Titan', 'Union', 'Vector', 'Willow', 'Zenith', 'Apex', 'Beacon', 'Cobalt', 'Delta', 'Ember', 'Falcon',
  'Golden', 'Horizon', 'Indigo', 'Juniper', 'Kestrel', 'Lakeside', 'Meridian', 'Northwind', 'Oakridge', 'Pinnacle',
  'Riverbend', 'Sapphire', 'Tidewater', 'Upland', 'Valley', 'Westfield', 'Alder', 'Boulder', 'Coastal', 'Dune',
  'Eastgate', 'Fjord', 'Glacier', 'Highland', 'Ironwood', 'Jade', 'Kingsley', 'Lighthouse', 'Maple', 'Nimbus',
  'Onyx', 'Pacific', 'Quarry', 'Ridgeline', 'Stonebridge', 'Trident', 'Ultra', 'Vantage', 'Windmill', 'Yellowstone',
];
export const NAME_PARTS_B = [
  'Logistics', 'Systems', 'Health', 'Foods', 'Energy', 'Robotics', 'Analytics', 'Retail', 'Manufacturing', 'Capital',
  'Labs', 'Networks', 'Pharma', 'Motors', 'Materials', 'Software', 'Insurance', 'Media', 'Telecom', 'Aerospace',
  'Biotech', 'Freight', 'Solar', 'Textiles', 'Chemicals', 'Dynamics', 'Packaging', 'Components', 'Devices', 'Metals',
  'Polymers', 'Instruments', 'Utilities', 'Distribution', 'Shipping', 'Brands', 'Engineering', 'Automation', 'Beverages',
  'Water', 'Paper', 'Glass', 'Plastics', 'Electric', 'Optics', 'Mobility', 'Medical', 'Farms', 'Data', 'Works',
];
/** Used only when the two-word names run out (the large benchmark company). */
export const NAME_PARTS_C = ['Global', 'International', 'Holdings', 'Partners', 'Solutions', 'Industries', 'Technologies', 'Services', 'Worldwide', 'Enterprises'];
export const NAME_SUFFIX: Record<string, readonly string[]> = {
  US: ['Inc', 'Corp', 'LLC', 'Co'], CA: ['Inc', 'Ltd', 'Corp'], GB: ['Ltd', 'plc', 'Group'], DE: ['GmbH', 'AG', 'SE'],
  FR: ['SA', 'SAS', 'Groupe'], NL: ['BV', 'NV'], SE: ['AB'], ES: ['SA', 'SL'], JP: ['KK', 'Co Ltd'], AU: ['Pty Ltd', 'Ltd'],
  SG: ['Pte Ltd'], IN: ['Pvt Ltd', 'Ltd'],
};
export const INDUSTRIES = ['Manufacturing', 'Logistics', 'Healthcare', 'Financial Services', 'Retail', 'Software', 'Energy', 'Telecommunications', 'Pharmaceuticals', 'Education', 'Public Sector', 'Media'];

export type Territory = 'NA' | 'EMEA' | 'APAC';
export const TERRITORIES: readonly Territory[] = ['NA', 'EMEA', 'APAC'];
export const TIMEZONES: Record<Territory, readonly string[]> = {
  NA: ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles', 'America/Toronto'],
  EMEA: ['Europe/London', 'Europe/Berlin', 'Europe/Paris', 'Europe/Amsterdam', 'Europe/Madrid'],
  APAC: ['Asia/Singapore', 'Australia/Sydney', 'Asia/Tokyo', 'Asia/Kolkata'],
};

/** country, territory, cities, weight among accounts, top-level domain. */
export const COUNTRIES: readonly (readonly [string, Territory, readonly string[], number, string])[] = [
  ['US', 'NA', ['New York', 'Chicago', 'Austin', 'Denver', 'Atlanta', 'Seattle', 'Boston', 'San Jose'], 30, 'com'],
  ['CA', 'NA', ['Toronto', 'Vancouver', 'Montreal', 'Calgary'], 6, 'ca'],
  ['GB', 'EMEA', ['London', 'Manchester', 'Leeds', 'Bristol'], 10, 'co.uk'],
  ['DE', 'EMEA', ['Berlin', 'Munich', 'Hamburg', 'Frankfurt', 'Stuttgart'], 10, 'de'],
  ['FR', 'EMEA', ['Paris', 'Lyon', 'Toulouse', 'Lille'], 7, 'fr'],
  ['NL', 'EMEA', ['Amsterdam', 'Rotterdam', 'Eindhoven'], 4, 'nl'],
  ['SE', 'EMEA', ['Stockholm', 'Gothenburg', 'Malmö'], 3, 'se'],
  ['ES', 'EMEA', ['Madrid', 'Barcelona', 'Valencia'], 4, 'es'],
  ['JP', 'APAC', ['Tokyo', 'Osaka', 'Nagoya'], 5, 'jp'],
  ['AU', 'APAC', ['Sydney', 'Melbourne', 'Brisbane'], 5, 'com.au'],
  ['SG', 'APAC', ['Singapore'], 3, 'sg'],
  ['IN', 'APAC', ['Bangalore', 'Mumbai', 'Pune', 'Hyderabad'], 5, 'in'],
];
export const BUSINESS_UNITS = ['Operations', 'IT', 'Finance', 'Supply chain', 'R&D', 'Customer service', 'Procurement'];
export const SITE_KINDS = ['plant', 'office', 'warehouse', 'R&D center', 'distribution center', 'service hub'];

export const FIRST_NAMES = [
  'Anna', 'Ben', 'Carla', 'David', 'Elena', 'Felix', 'Grace', 'Hugo', 'Ines', 'Jonas', 'Kara', 'Liam', 'Maya', 'Noah',
  'Olga', 'Paul', 'Quinn', 'Rosa', 'Sam', 'Tara', 'Umar', 'Vera', 'Will', 'Xenia', 'Yusuf', 'Zoe', 'Aiko', 'Bruno',
  'Chloe', 'Dev', 'Emma', 'Farid', 'Greta', 'Hiro', 'Ivy', 'Jamal', 'Kenji', 'Lena', 'Marco', 'Nina', 'Omar', 'Priya',
  'Raj', 'Sofia', 'Tom', 'Uma', 'Victor', 'Wen', 'Yara', 'Zack', 'Adam', 'Beatriz', 'Claire', 'Daniel', 'Eva', 'Frank',
  'Hannah', 'Isaac', 'Julia', 'Karl', 'Laura', 'Mei', 'Nils', 'Oscar', 'Pia', 'Rachel', 'Sven', 'Theo', 'Ursula',
  'Vikram', 'Wei', 'Yuki', 'Alice', 'Brian', 'Camille', 'Diego', 'Erik', 'Fatima', 'George', 'Helena', 'Ivan', 'Jun',
  'Kavya', 'Lucas', 'Mateo', 'Nora', 'Oliver', 'Paula', 'Ravi', 'Sara', 'Tomás', 'Ana', 'Chen', 'Emily', 'James', 'Linda',
];
export const LAST_NAMES = [
  'Smith', 'Müller', 'Martin', 'Garcia', 'Rossi', 'Jansen', 'Andersson', 'Tanaka', 'Patel', 'Nguyen', 'Brown', 'Schmidt',
  'Dubois', 'Lopez', 'Bianchi', 'de Vries', 'Larsson', 'Suzuki', 'Sharma', 'Tran', 'Wilson', 'Fischer', 'Bernard',
  'Martinez', 'Romano', 'Bakker', 'Nilsson', 'Sato', 'Singh', 'Le', 'Taylor', 'Weber', 'Moreau', 'Sanchez', 'Ricci',
  'Visser', 'Eriksson', 'Ito', 'Gupta', 'Pham', 'Clark', 'Wagner', 'Laurent', 'Perez', 'Greco', 'Smit', 'Berg', 'Kato',
  'Rao', 'Hoang', 'Johnson', 'Williams', 'Jones', 'Miller', 'Davis', 'Anderson', 'Thomas', 'Jackson', 'White', 'Harris',
  'Becker', 'Hoffmann', 'Schulz', 'Koch', 'Richter', 'Petit', 'Durand', 'Leroy', 'Fernandez', 'Gomez', 'Ruiz', 'Diaz',
  'Watanabe', 'Yamamoto', 'Nakamura', 'Kumar', 'Reddy', 'Iyer', 'Wong', 'Lim', 'Tan', 'Chen', 'Murphy', 'Kelly',
  "O'Brien", 'Walsh', 'Lindqvist', 'Holm', 'Dekker', 'Mulder', 'Costa', 'Silva', 'Novak', 'Kowalski', 'Horvat', 'Young',
];
/** How a company writes its people's addresses; one pattern per account. */
export const EMAIL_PATTERNS = ['first.last', 'first.last', 'first.last', 'flast', 'firstl', 'first_last', 'first'] as const;
export type EmailPattern = (typeof EMAIL_PATTERNS)[number];

/** title, seniority, buying role, weight among the people of a B2B market. */
export const TITLES: readonly (readonly [string, string, string, number])[] = [
  ['Chief Operating Officer', 'c_level', 'economic_buyer', 2], ['Chief Information Officer', 'c_level', 'economic_buyer', 2],
  ['Chief Financial Officer', 'c_level', 'economic_buyer', 1], ['Chief Executive Officer', 'c_level', 'decision_maker', 1],
  ['VP Operations', 'vp', 'decision_maker', 4], ['VP Supply Chain', 'vp', 'decision_maker', 3],
  ['VP Engineering', 'vp', 'decision_maker', 3], ['VP Finance', 'vp', 'economic_buyer', 2],
  ['Director of IT', 'director', 'decision_maker', 6], ['Director of Logistics', 'director', 'champion', 6],
  ['Head of Procurement', 'director', 'blocker', 3], ['Director of Security', 'director', 'blocker', 2],
  ['Operations Manager', 'manager', 'champion', 12], ['IT Manager', 'manager', 'influencer', 10],
  ['Procurement Manager', 'manager', 'influencer', 6], ['Plant Manager', 'manager', 'champion', 5],
  ['Business Analyst', 'individual', 'user', 12], ['Systems Engineer', 'individual', 'user', 12],
  ['Planner', 'individual', 'user', 10], ['Data Analyst', 'individual', 'influencer', 8],
  ['Dispatcher', 'individual', 'user', 5], ['Intern', 'student', 'user', 1], ['Student', 'student', 'user', 1],
];

export const FREE_MAIL = ['gmail.com', 'yahoo.com', 'outlook.com', 'hotmail.com', 'icloud.com', 'gmx.de'];
export const ASSETS = ['ROI calculator', 'Buyer guide 2026', 'Analyst report', 'Case study: Atlas Freight', 'Product tour video', 'Benchmark report', 'Security whitepaper', 'Implementation checklist'];
export const PAGES = ['/pricing', '/product', '/blog', '/customers', '/integrations', '/security', '/about', '/careers', '/docs'];
export const LOST_REASONS = ['no budget', 'chose competitor', 'no decision', 'bad timing', 'missing feature', 'price'];
export const REJECT_REASONS = ['not in profile', 'no budget', 'no authority', 'no need', 'bad timing', 'duplicate', 'bad contact data'];
export const DISQUALIFY_REASONS = ['competitor', 'bad contact data', 'not in profile', 'existing customer'];
export const DEAL_NAMES = ['platform', 'expansion', 'pilot', 'new site rollout', 'analytics add-on', 'enterprise upgrade'];
export const CAMPAIGN_TOPICS = ['Supply chain visibility', 'Cost of downtime', 'AI in operations', 'Warehouse automation', 'Compliance 2026', 'Benchmark results', 'Customer stories', 'Planning season', 'Predictive maintenance', 'Carbon reporting'];
