/** The lab's Organization page: the map on a date, members and partners, facts, timeline, claims. */
import { defineNamespace } from '../../translate.js';
import en from './en.json' with { type: 'json' };
import ru from './ru.json' with { type: 'json' };
import zh from './zh-Hans.json' with { type: 'json' };

export const labOrg = defineNamespace('lab-org', { en, ru, 'zh-Hans': zh }, { dynamic: ['verdict.'] });
