/** The reform explorer: its report section, its panel on the lab's Decision page, and the family's rule labels. */
import { defineNamespace } from '../../translate.js';
import en from './en.json' with { type: 'json' };
import ru from './ru.json' with { type: 'json' };
import zh from './zh-Hans.json' with { type: 'json' };

export const reform = defineNamespace('reform', { en, ru, 'zh-Hans': zh }, { dynamic: ['rank.', 'kind.'] });
