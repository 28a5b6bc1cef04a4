import { describe, expect, it } from 'vitest';
import { autoMap, importFields } from './import-fields.js';

describe('autoMap', () => {
  it('matches headers by name, label and alias, ignoring case and punctuation', () => {
    const fields = importFields('people', []);
    expect(autoMap(['E-Mail Address', 'First Name', 'Company', 'Lead Source', 'Shoe size'], fields)).toEqual({
      'E-Mail Address': 'email', 'First Name': 'firstName', Company: 'companyName', 'Lead Source': 'originalSource',
    });
  });
  it('maps one header per field and offers custom fields', () => {
    const fields = importFields('accounts', [{ id: 'x', entity: 'account', key: 'segment', label: 'Segment', type: 'picklist', options: ['SMB'], createdAt: new Date() }]);
    expect(autoMap(['Domain', 'Website', 'Segment'], fields)).toEqual({ Domain: 'domains', Segment: 'custom.segment' });
  });
});
