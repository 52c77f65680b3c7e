import { describe, expect, it } from 'vitest';
import { reform as reformMessages } from '../../src/i18n/messages/reform/index.js';
import { translator } from '../../src/i18n/translate.js';
import { reformRuleLabel } from '../../src/power/reform-labels.js';
import { renderReport } from '../../src/report/report.js';
import { reformSection } from '../../src/report/sections/reform.js';
import { reportContext } from '../helpers/report.js';

describe('the report’s reform section (SCO)', () => {
  it('lists the rules meeting each question’s constraints, with passage by stage, and names a conflict', async () => {
    const r = await renderReport([reformSection], reportContext());
    const html = r.html.slice(r.html.indexOf('<section id="reform"'));
    // the done-when: more than half of the members with the four Central Asian vetoes, 57/1024 in 2024
    expect(html).toContain('&gt;1/2 of members, each of KAZ, KGZ, TJK, UZB keeping a veto');
    expect(html).toContain('5.57%');
    expect(html).toMatch(/2001 \(6\).*2017 \(8\).*2023 \(9\).*2024 \(10\)\*/s);
    // five vetoes: at most 1/32 of the coalitions; the conflict is the pair passage + vetoes
    expect(html).toContain('at most 1/32 of the coalitions');
    expect(html).toContain('passage&gt;=0.05 + veto:CHN,RUS,IND,PAK,IRN');
    expect(r.summary).toMatch(/reform \(passage>=0\.05, veto:KAZ,KGZ,TJK,UZB\): 2 rule\(s\)/);
  });

  it('charts power against the quota of the EEC 1958 with the square-root optimal quota marked', async () => {
    const r = await renderReport([reformSection], reportContext());
    const svg = r.html.slice(r.html.indexOf('<svg id="report-quota-eec"'));
    expect(svg).toContain('Treaty 12 · q* 72.2%');
    // one line per weight class (4, 2, 1) and the passage probability
    expect(svg.slice(0, svg.indexOf('</svg>')).match(/<path class="series"/g)).toHaveLength(4);
    // Luxembourg is a null player at the Treaty's quota of 12: Banzhaf 0
    expect(svg).toContain('LUX (1) 12: 0.00');
    expect(r.html).toContain('the winning coalitions change at 17 of the 17 quotas');
  });

  it('does not apply to other organizations', () => {
    expect(reformSection.applies?.({ ...reportContext(), orgId: 'asean' })).toBe(false);
  });

  it('labels rules in Russian and Chinese from their make-up', () => {
    const parts = {
      base: { kind: 'double', members: '>1/2', field: 'population', weight: '≥65%' },
      optOut: true,
      bloc: ['KAZ', 'KGZ'],
      blocForm: 'vetoes',
    } as const;
    expect(reformRuleLabel(translator(reformMessages, 'en'), { ...parts, bloc: [...parts.bloc] })).toBe(
      '>1/2 of members and ≥65% of population, with opt-outs, each of KAZ, KGZ keeping a veto',
    );
    expect(reformRuleLabel(translator(reformMessages, 'ru'), { ...parts, bloc: [...parts.bloc] })).toBe(
      '>1/2 членов и ≥65% населения, с правом неучастия, с правом вето у каждого из KAZ, KGZ',
    );
    expect(
      reformRuleLabel(translator(reformMessages, 'zh-Hans'), {
        base: { kind: 'minus', k: 1 },
        optOut: false,
        bloc: null,
        blocForm: null,
      }),
    ).toBe('协商一致减一');
  });
});
