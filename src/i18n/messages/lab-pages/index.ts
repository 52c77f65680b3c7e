/** The lab's smaller pages: the enlargement briefings (and their frame). */
import { defineNamespace } from '../../translate.js';
import en from './en.json' with { type: 'json' };
import ru from './ru.json' with { type: 'json' };
import zh from './zh-Hans.json' with { type: 'json' };

export const labPages = defineNamespace('lab-pages', { en, ru, 'zh-Hans': zh });
