import { describe, expect, it } from 'vitest';
import { defaultChannel, defaultSide } from './touch-defaults.js';

describe('touch defaults', () => {
  it('credits sales activities to sales and content to marketing', () => {
    expect(defaultSide('call')).toBe('sales');
    expect(defaultSide('meeting')).toBe('sales');
    expect(defaultSide('content_download')).toBe('marketing');
    expect(defaultSide('partner_registration')).toBe('partner');
  });
  it('puts a badge scan on the event channel and a demo request on the web', () => {
    expect(defaultChannel('badge_scan')).toBe('event');
    expect(defaultChannel('demo_request')).toBe('web');
    expect(defaultChannel('sales_email')).toBe('direct_sales');
  });
});
