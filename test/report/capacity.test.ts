import { describe, expect, it } from 'vitest';
import { renderBlockingChart, renderPassageChart } from '../../src/report/charts/capacity.js';
import { capacitySection } from '../../src/report/sections/capacity.js';
import { reportContext } from '../helpers/report.js';

describe('the capacity-to-decide report section', async () => {
  const out = await capacitySection.render(reportContext());

  it('charts the passage probability by stage and rule, with the EU reference lines', () => {
    expect((out.html.match(/class="series"/g) ?? []).length).toBe(4);
    expect((out.html.match(/class="reference"/g) ?? []).length).toBe(3);
    expect(out.html).toContain('1/1024 = 0.098%');
    expect(out.summary[0]).toContain('1/64 → 1/256 → 1/512 → 1/1024');
  });

  it('charts and tabulates the blocking power of each of the ten members', () => {
    expect((out.html.match(/class="member"/g) ?? []).length).toBe(10);
    expect((out.html.match(/1\.000 \(veto\)/g) ?? []).length).toBe(10);
  });

  it('draws nothing for missing values and scales the axis to the smallest value', () => {
    const svg = renderPassageChart({
      title: 't',
      stages: ['a', 'b'],
      series: [{ label: 's', values: [0.5, null] }],
    });
    expect((svg.match(/<circle/g) ?? []).length).toBe(1);
    const tiny = renderPassageChart({ title: 't', stages: ['a'], series: [{ label: 's', values: [1e-6] }] });
    expect(tiny).toContain('0.0001%');
    const bars = renderBlockingChart({
      title: 't',
      members: ['A', 'B'],
      series: [{ label: 's', values: [1, null] }],
    });
    expect((bars.match(/<rect x=/g) ?? []).length).toBe(1);
  });
});
