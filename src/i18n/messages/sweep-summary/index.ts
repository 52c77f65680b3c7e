/**
 * A sweep's summary as text (src/sweep/format.ts: `concord sweep`, `concord runs show`). The
 * library's own sentences inside it (the adapter's label, the uncertainty, Sobol warnings) come
 * from `sweep-notes` (src/sweep/notes.ts).
 */
import { defineNamespace } from '../../translate.js';
import en from './en.json' with { type: 'json' };
import ru from './ru.json' with { type: 'json' };
import zh from './zh-Hans.json' with { type: 'json' };

export const sweepSummary = defineNamespace('sweep-summary', { en, ru, 'zh-Hans': zh });
