/**
 * The forecast's explanations (src/bargaining/forecast.ts's `explain`, `explainPackage` and
 * `modelNoteIn`): one line per issue saying why the consensus model forecasts what it does, and the
 * models' notes; the backtest's subset descriptions and its note on a coder that is not
 * independent (src/bargaining/backtest.ts). English is the text of `forecast --json` (`explanation`, `note`), unchanged.
 */
import { defineNamespace } from '../../translate.js';
import en from './en.json' with { type: 'json' };
import ru from './ru.json' with { type: 'json' };
import zh from './zh-Hans.json' with { type: 'json' };

export const explainMessages = defineNamespace(
  'explain',
  { en, ru, 'zh-Hans': zh },
  { dynamic: ['backtest.subset.'] },
);
