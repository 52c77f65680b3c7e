/** Organization and organ names as the organizations write them (`localized` in the organization files). */
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/load.js';
import { LOCALES } from '../../src/i18n/locale.js';
import { loadOrganizations } from '../../src/org/load.js';
import { organizationName, organizationShortName, organName } from '../../src/org/names.js';
import { parseOrganization } from '../../src/org/registry.js';

describe('localized organization names', () => {
  const registry = loadOrganizations();

  it('gives the SCO and its organs in Russian and Chinese as the Charter writes them', () => {
    const sco = registry.get('sco');
    expect(organizationName(sco, 'ru')).toBe('Шанхайская организация сотрудничества');
    expect(organizationName(sco, 'zh-Hans')).toBe('上海合作组织');
    expect(organizationShortName(sco, 'ru')).toBe('ШОС');
    expect(organizationShortName(sco, 'zh-Hans')).toBe('上合组织');
    expect(organizationName(sco, 'en')).toBe('Shanghai Cooperation Organisation');
    const organs = sco.organs.map((o) => organName(o, 'ru'));
    expect(organs).toContain('Совет глав государств-членов');
    expect(organs).toContain('Совет министров иностранных дел государств-членов');
    expect(sco.organs.map((o) => organName(o, 'zh-Hans'))).toContain('成员国元首理事会');
  });

  it('has a name in every language, with a source, for every shipped organization and organ', () => {
    const missing: string[] = [];
    for (const org of registry.all()) {
      if (!org.localized?.source) missing.push(`${org.id}: no localized source`);
      for (const locale of LOCALES) {
        if (locale !== 'en' && !org.localized?.[locale]?.name) missing.push(`${org.id}: ${locale}`);
        for (const organ of org.organs) {
          if (locale !== 'en' && !organ.localized?.[locale])
            missing.push(`${org.id} ${organ.name}: ${locale}`);
          if (!organ.localized?.source) missing.push(`${org.id} ${organ.name}: no source`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('falls back to English where a file gives no localized name', () => {
    const yaml = `id: tiny\nname: Tiny Org\nshortName: TO\nfounded: 2000-01-01\norgans: [{ name: Assembly, source: x }]\nmemberships:\n  - { state: CHN, status: member, from: 2000-01-01, source: x }\n`;
    const org = parseOrganization(yaml, 'tiny.yaml', loadDataset());
    expect(organizationName(org, 'ru')).toBe('Tiny Org');
    expect(organizationShortName(org, 'zh-Hans')).toBe('TO');
    expect(organName(org.organs[0]!, 'zh-Hans')).toBe('Assembly');
  });
});
