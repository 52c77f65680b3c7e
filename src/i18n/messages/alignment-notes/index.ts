/**
 * The notes of the UN-vote alignment analysis (src/alignment/analysis.ts; worded in a locale by
 * src/alignment/notes.ts's `alignmentNoteIn`): the window, sessions a state missed, thin pairs, the
 * seam between Voeten's data and the UN's records, and the stages that cannot be compared. English
 * is the text of `concord alignment --json`, unchanged.
 */
import { defineNamespace } from '../../translate.js';
import en from './en.json' with { type: 'json' };
import ru from './ru.json' with { type: 'json' };
import zh from './zh-Hans.json' with { type: 'json' };

export const alignmentNotes = defineNamespace('alignment-notes', { en, ru, 'zh-Hans': zh });
