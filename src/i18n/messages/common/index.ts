/** Words shared by every surface: language names (each in its own language, for the switch), counts. */
import { defineNamespace } from '../../translate.js';
import en from './en.json' with { type: 'json' };
import ru from './ru.json' with { type: 'json' };
import zh from './zh-Hans.json' with { type: 'json' };

export const common = defineNamespace('common', { en, ru, 'zh-Hans': zh }, { dynamic: ['language.'] });
