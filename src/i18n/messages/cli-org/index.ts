/** The human output of `concord org`, `orgs`, `country`, `countries` and `timeline`. */
import { defineNamespace } from '../../translate.js';
import en from './en.json' with { type: 'json' };
import ru from './ru.json' with { type: 'json' };
import zh from './zh-Hans.json' with { type: 'json' };

export const cliOrg = defineNamespace(
  'cli-org',
  { en, ru, 'zh-Hans': zh },
  { dynamic: ['status.', 'region.', 'subregion.', 'kind.', 'nuclear.'] },
);
