// The SCO's chairs, summits and status records against the project's verified chronology
// (data/generated/sco-chronology.json, two public sources per record): every record cites both, and
// `verified` holds only where two sources agree. Issue 20.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryIO } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { loadDataset, readJson } from '../../src/data/load.js';
import { loadOrganizations } from '../../src/org/load.js';
import { dateConvention, partnersOn, withDateConvention } from '../../src/org/organization.js';
import { snapshot } from '../../src/org/snapshot.js';

interface ChronologyRecord {
  event: string;
  states: string[];
  status: string;
  date: string;
  day: string;
  precision: 'day' | 'month' | 'year';
  sources: [string, string];
  note: string;
}
const chron = readJson<{ records: ChronologyRecord[] }>('data/generated/sco-chronology.json').records;
const reg = loadOrganizations();
const sco = reg.get('sco');
const summits = chron.filter((r) => r.event.startsWith('summit'));
const sameSources = (r: ChronologyRecord, a: string, b: string | undefined) =>
  b !== undefined && new Set([a, b]).size === 2 && r.sources.includes(a) && r.sources.includes(b);

describe('the SCO chronology', () => {
  it('has 25 summits and two distinct public sources per record', () => {
    expect(summits).toHaveLength(25);
    for (const r of chron) {
      expect(r.sources).toHaveLength(2);
      for (const s of r.sources) expect(s).toMatch(/^https?:\/\//);
      expect(r.sources[0]).not.toBe(r.sources[1]);
    }
  });

  it('gives every chair from the summits: host of the next, both sources, all verified', () => {
    expect(sco.chairs).toHaveLength(summits.length);
    sco.chairs.forEach((c, i) => {
      const opening = summits[i]!;
      expect(c.from, c.summit).toBe(opening.day);
      expect(opening.status).toContain(`next chair ${c.state}`);
      expect(c.to ?? null).toBe(summits[i + 1]?.day ?? null);
      expect(c.verified).toBe(true);
      expect(sameSources(opening, c.source, c.source2), c.summit).toBe(true);
      if (i > 0) expect(c.from).toBe(sco.chairs[i - 1]!.to);
    });
  });

  it('gives every status record two sources that agree on its date in the chronology', () => {
    for (const m of sco.memberships) {
      const what = `${m.state} ${m.status} ${m.from}`;
      expect(m.source2, what).toBeDefined();
      expect(m.verified, what).toBe(true);
      const r = chron.find(
        (x) =>
          x.states.includes(m.state) &&
          sameSources(x, m.source, m.source2) &&
          (x.day === m.from ||
            (m.precision &&
              x.precision === m.precision &&
              m.from.startsWith(x.date.slice(0, x.date.length)))),
      );
      expect(r, what).toBeDefined();
      if (m.decided)
        expect(
          chron.some((x) => x.states.includes(m.state) && x.day === m.decided),
          what,
        ).toBe(true);
    }
  });

  it('corrects the four records an outside check found wrong', () => {
    const rec = (state: string, status: string) =>
      sco.memberships.find((m) => m.state === state && m.status === status)!;
    // Bahrain signed in Beijing on 2023-07-15, not at Goa in May.
    expect(rec('BHR', 'dialogue partner')).toMatchObject({ from: '2023-07-15', decided: '2022-09-16' });
    // Samarkand opened the procedures; it did not grant the status.
    const samarkand = sco.events.find((e) => e.date === '2022-09-16' && e.kind === 'decision')!;
    expect(samarkand.title).toMatch(/opens .* procedures/);
    expect(samarkand.title).not.toMatch(/granted/);
    // Saudi Arabia: memorandum September 2022 at Samarkand (cabinet approval 2023-03-28 in the note).
    expect(rec('SAU', 'dialogue partner')).toMatchObject({ from: '2022-09-16', precision: 'month' });
    expect(rec('SAU', 'dialogue partner').note).toMatch(/2023-03-28/);
    // Iran's membership: sources of the New Delhi summit, not a 2021 preview.
    expect(rec('IRN', 'member').source).not.toContain('1335687');
  });

  it('has the records the old list missed', () => {
    const has = (state: string, status: string, from: string) =>
      sco.memberships.some((m) => m.state === state && m.status === status && m.from === from);
    expect(has('IND', 'applicant', '2015-07-10') && has('PAK', 'applicant', '2015-07-10')).toBe(true);
    expect(has('TUR', 'dialogue partner', '2013-04-26')).toBe(true);
    expect(has('KHM', 'dialogue partner', '2015-09-24')).toBe(true);
    expect(has('ARM', 'applicant', '2025-07-16')).toBe(true);
    const ev = (d: string, re: RegExp) => sco.events.some((e) => e.date === d && re.test(e.title));
    expect(ev('2004-06-17', /RATS/)).toBe(true);
    expect(ev('2023-07-04', /Belarus signs its memorandum of obligations/)).toBe(true);
    expect(ev('2022-09-15', /Iran signs the memorandum of obligations/)).toBe(true);
    expect(ev('2024-01-01', /request observer status/)).toBe(true);
  });
});

describe('--dates: memorandum (default) or decision', () => {
  const ds = loadDataset();

  it('on 2023-06-01 lists Kuwait, the UAE, Myanmar and the Maldives as dialogue partners, not Bahrain', () => {
    const s = snapshot(reg, ds, 'sco', '2023-06-01');
    const dp = s.partners.filter((p) => p.status === 'dialogue partner').map((p) => p.iso3);
    for (const x of ['KWT', 'ARE', 'MMR', 'MDV']) expect(dp).toContain(x);
    expect(dp).not.toContain('BHR');
    expect(s.dates).toBe('memorandum');
    expect(s.chairDetail).toMatchObject({ state: 'IND', verified: true });
    // By the decision convention the five count from Samarkand, 2022-09-16.
    const d = snapshot(reg, ds, 'sco', '2023-06-01', 'decision');
    expect(d.partners.find((p) => p.iso3 === 'BHR')).toMatchObject({ since: '2022-09-16' });
    expect(snapshot(reg, ds, 'sco', '2022-12-01', 'memorandum').partners.some((p) => p.iso3 === 'KWT')).toBe(
      false,
    );
  });

  it('re-dates only the records with a decision, and their neighbours', () => {
    const d = withDateConvention(sco, 'decision');
    const blr = d.memberships.filter((m) => m.state === 'BLR' && m.status === 'dialogue partner')[0]!;
    expect(blr.from).toBe('2009-06-16');
    expect(blr.precision).toBeUndefined();
    expect(d.memberships.filter((m) => m.status === 'member')).toEqual(
      sco.memberships.filter((m) => m.status === 'member'),
    );
    expect(withDateConvention(sco, 'memorandum')).toBe(sco);
  });

  it("shows each partner's history, not only the merged status", () => {
    const mng = partnersOn(sco, '2025-10-01').find((p) => p.iso3 === 'MNG')!;
    expect(mng.history.map((h) => [h.status, h.from, h.to])).toEqual([
      ['observer', '2004-06-17', '2025-09-01'],
      ['partner', '2025-09-01', null],
    ]);
  });

  it('a --dates value other than the two is exit 2 with the list', async () => {
    expect(() => dateConvention('signature')).toThrow(/not one of memorandum, decision/);
    const io = memoryIO();
    expect(await main(['org', 'sco', '--at', '2023-06-01', '--dates', 'signature'], io)).toBe(2);
    expect(io.stderr.join('\n')).toMatch(/memorandum, decision/);
    const ok = memoryIO();
    expect(await main(['org', 'sco', '--at', '2023-06-01', '--json'], ok)).toBe(0);
    const j = JSON.parse(ok.stdout.join('\n'));
    expect(j.partners.map((p: { iso3: string }) => p.iso3)).not.toContain('BHR');
    expect(j.unverified).toEqual([]);
  });
});

describe('sources a reader can follow', () => {
  it('no file under data/ cites a path outside the repository', () => {
    const walk = (dir: string): string[] =>
      readdirSync(dir).flatMap((f) => {
        const p = join(dir, f);
        return statSync(p).isDirectory() ? walk(p) : [p];
      });
    for (const f of walk('data')) expect(readFileSync(f, 'utf8').includes('shared/'), f).toBe(false);
  });
});
