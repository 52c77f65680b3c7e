/**
 * `concord --help` and `concord <command> --help` (src/cli/help-i18n.ts): each command's
 * description, its options' and arguments' descriptions, and commander's own words. Keys are
 * computed from the command tree (`forecast.summary`, `forecast.--model`, `forecast.<file>`), hence
 * each command's prefix is dynamic (a new command adds its own); test/cli/help-lang.test.ts checks every option and command has its key.
 */
import { defineNamespace } from '../../translate.js';
import en from './en.json' with { type: 'json' };
import ru from './ru.json' with { type: 'json' };
import zh from './zh-Hans.json' with { type: 'json' };

export const cliHelp = defineNamespace(
  'cli-help',
  { en, ru, 'zh-Hans': zh },
  {
    dynamic: [
      'program.',
      'org.',
      'orgs.',
      'timeline.',
      'claims.',
      'country.',
      'countries.',
      'power.',
      'quota.',
      'design.',
      'capacity.',
      'reform.',
      'balance.',
      'alignment.',
      'forecast.',
      'backtest.',
      'reliability.',
      'registry.',
      'report.',
      'sweep.',
      'runs.',
      'worker.',
      'serve.',
      'token.',
    ],
  },
);
