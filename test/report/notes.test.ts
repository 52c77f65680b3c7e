// The library's data notes (org/facts.ts, org/players.ts) in Russian and Chinese (src/report/notes.ts):
// each form the library writes is translated whole, English and any other text are kept.
import { describe, expect, it } from 'vitest';
import { factNoteIn, playersNoteIn } from '../../src/report/notes.js';

describe('data notes in a locale', () => {
  it("translate the players' notes (the fields of a game from the data)", () => {
    const note = 'gdp: World Bank data for 2024 not available for every member; 2023 used';
    expect(playersNoteIn(note, 'en')).toBe(note);
    expect(playersNoteIn(note, 'ru')).toBe(
      'gdp: данные World Bank за 2024 г. есть не по всем членам; использован 2023 г.',
    );
    expect(playersNoteIn(note, 'zh-Hans')).toBe(
      'gdp：并非所有成员都有World Bank的2024年数据；采用2023年数据',
    );
    expect(
      playersNoteIn('milex: no year has SIPRI data for every member (none for MDV); field left out', 'ru'),
    ).toBe(
      'milex: ни за один год нет данных SIPRI по всем членам (по MDV данных нет вовсе); поле не используется',
    );
    expect(
      playersNoteIn(
        'cinc: COW data begin after 1990 for some member; 1992, the first year with every member, used',
        'zh-Hans',
      ),
    ).toBe('cinc：部分成员的COW数据始于1990年之后；采用1992年（首个所有成员均有数据的年份）');
    expect(playersNoteIn('something else', 'ru')).toBe('something else');
  });

  it("translate the facts' notes", () => {
    expect(factNoteIn('CINC: 2021 not available (the data end in 2016); 2016 used', 'ru')).toMatch(
      /^CINC: .*2016/,
    );
    expect(factNoteIn('CINC: 2021 not available (the data end in 2016); 2016 used', 'ru')).not.toMatch(
      /available/,
    );
  });
});
