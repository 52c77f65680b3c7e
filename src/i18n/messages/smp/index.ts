/** KTAB's Spatial Model of Politics explained turn by turn (`concord forecast --model smp`). */
import { defineNamespace } from '../../translate.js';
import en from './en.json' with { type: 'json' };
import ru from './ru.json' with { type: 'json' };
import zh from './zh-Hans.json' with { type: 'json' };

export const smp = defineNamespace('smp', { en, ru, 'zh-Hans': zh }, { dynamic: ['move.', 'stop.'] });
