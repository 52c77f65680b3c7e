/** The lab's Alignment page: UN General Assembly agreement, camps, cohesion by stage. */
import { defineNamespace } from '../../translate.js';
import en from './en.json' with { type: 'json' };
import ru from './ru.json' with { type: 'json' };
import zh from './zh-Hans.json' with { type: 'json' };

export const labAlignment = defineNamespace(
  'lab-alignment',
  { en, ru, 'zh-Hans': zh },
  { dynamic: ['measure.', 'topic.'] },
);
