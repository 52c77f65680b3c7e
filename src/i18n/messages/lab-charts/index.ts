/** The lab's shared charts and panels: map, membership timeline, downloads, balance panel. */
import { defineNamespace } from '../../translate.js';
import en from './en.json' with { type: 'json' };
import ru from './ru.json' with { type: 'json' };
import zh from './zh-Hans.json' with { type: 'json' };

export const labCharts = defineNamespace(
  'lab-charts',
  { en, ru, 'zh-Hans': zh },
  { dynamic: ['balance.measure.'] },
);
