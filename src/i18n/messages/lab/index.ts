/** The lab's frame: navigation, the workspace control, notices. Pages have their own namespaces (lab-<page>). */
import { defineNamespace } from '../../translate.js';
import en from './en.json' with { type: 'json' };
import ru from './ru.json' with { type: 'json' };
import zh from './zh-Hans.json' with { type: 'json' };

export const lab = defineNamespace('lab', { en, ru, 'zh-Hans': zh }, { dynamic: ['page.', 'status.'] });
