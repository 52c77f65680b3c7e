/**
 * The scenario layer's own sentences in a locale (src/scenario/notes.ts): the note on the
 * capabilities the loader used (`capabilityNoteIn`) and the summary of an import printed on stderr
 * (`formatSummary` of src/scenario/import/summary.ts: its frame, the importers' reasons and notes,
 * the places). English is the text `--json` carries, unchanged.
 */
import { defineNamespace } from '../../translate.js';
import en from './en.json' with { type: 'json' };
import ru from './ru.json' with { type: 'json' };
import zh from './zh-Hans.json' with { type: 'json' };

export const scenarioNotes = defineNamespace(
  'scenario-notes',
  { en, ru, 'zh-Hans': zh },
  { dynamic: ['kind.'] },
);
