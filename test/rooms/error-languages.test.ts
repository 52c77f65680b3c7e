/**
 * The errors of rooms (src/rooms) and of the store (src/store) in Russian and Chinese: built by the
 * real code, worded by localizeError with the code and the path unchanged.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readText } from '../../src/data/load.js';
import { localizeError } from '../../src/i18n/errors.js';
import { roomSetup } from '../../src/rooms/setup.js';
import { apply, fold, type RoomEvent } from '../../src/rooms/state.js';
import { parseScenarioText, resolveWithLines } from '../../src/scenario/load.js';
import { openStore } from '../../src/store/open.js';
import { expectTranslated, rejected, thrown } from '../helpers/localized.js';

const path = 'scenarios/sco/05-iran-membership-blocked-2019.yaml';
const text = readText(path);
const file = parseScenarioText(text, path);
const setup = roomSetup(resolveWithLines(file, path, text), file);
const created: RoomEvent = { type: 'room.created', data: { setup } };

describe('room errors in Russian and Chinese', () => {
  it('state.ts: a text outside the issue scale, and a phase that goes back', async () => {
    const s = fold(
      [created, { type: 'phase.set', data: { phase: 'round', endsAt: null } }].map((e, k) => ({
        ...e,
        seq: k + 1,
      })) as never,
    );
    const e = thrown(() =>
      apply(
        s,
        { type: 'text.tabled', data: { text: 't', by: 'moderator', positions: { 'iran-procedure': [101] } } },
        3,
      ),
    );
    expect(e.key).toBe('rooms.outsideScale');
    await expectTranslated(e);
    const back = thrown(() =>
      apply(s, { type: 'phase.set', data: { phase: 'preparation', endsAt: null } }, 3),
    );
    await expectTranslated(back);
    expect(localizeError(back, 'ru').message).toBe(
      'комната не может вернуться с этапа «раунд» на этап «подготовка»',
    );
    expect(localizeError(back, 'zh-Hans').message).toBe('谈判室不能从“轮次”阶段退回“准备”阶段');
  });

  it('setup.ts: a scenario decided by a rule that is not collegial', async () => {
    const majority = text.replace(/^rule: consensus$/m, 'rule: { count: { moreThanShare: 0.5 } }');
    const f = parseScenarioText(majority, path);
    const e = thrown(() => roomSetup(resolveWithLines(f, path, majority), f));
    expect(e.key).toBe('rooms.notCollegial');
    await expectTranslated(e);
  });
});

describe('store errors in Russian and Chinese', () => {
  const dir = mkdtempSync(join(tmpdir(), 'concord-store-lang-'));

  it('open.ts: a SQLite store that cannot be opened (a directory)', async () => {
    const e = await rejected(openStore(dir));
    expect(e.key).toBe('store.sqliteUnreadable');
    await expectTranslated(e);
  });

  it('store.ts: a workspace name that is not valid', async () => {
    const store = await openStore(join(dir, 'store.sqlite'));
    try {
      const e = await rejected(store.ensureWorkspace('Not Valid'));
      expect(e.path).toBe('workspace');
      await expectTranslated(e);
    } finally {
      await store.close();
    }
  });
});
