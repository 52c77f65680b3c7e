// The Organization page's status history of a partner (web/src/org/history.ts), on the SCO's own
// records: Afghanistan observer from 2012, partner from the 2025 reform; applications left out.
import { describe, expect, it } from 'vitest';
import { loadOrganizations } from '../../src/org/load.js';
import { partnersOn } from '../../src/org/organization.js';
import { statusHistory } from '../../web/src/org/history.js';

describe('statusHistory', () => {
  const sco = loadOrganizations().get('sco');
  const partners = partnersOn(sco, '2026-01-01');

  it('reads observer since …, partner since … for Afghanistan', () => {
    const afg = partners.find((p) => p.iso3 === 'AFG')!;
    expect(statusHistory(afg.history)).toBe('observer since 2012-06-07, partner since 2025-09-01');
  });

  it('leaves applications out and keeps the order of the records', () => {
    const arm = partners.find((p) => p.iso3 === 'ARM')!;
    expect(arm.history.some((p) => p.status === 'applicant')).toBe(true);
    const text = statusHistory(arm.history);
    expect(text).not.toMatch(/applicant/);
    expect(text).toBe('dialogue partner since 2016-04-16, partner since 2025-09-01');
  });

  it('gives one entry per non-application period of every partner, and nothing for none', () => {
    for (const p of partners) {
      const n = p.history.filter((h) => h.status !== 'applicant').length;
      expect(statusHistory(p.history).split(', ').length).toBe(n);
    }
    expect(statusHistory(undefined)).toBe('');
    expect(statusHistory([{ status: 'observer', from: '2004-01-01', to: null, precision: 'year' }])).toBe(
      'observer since 2004',
    );
  });
});
