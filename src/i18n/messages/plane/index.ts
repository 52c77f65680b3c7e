/** The workbench's two-dimensional view (web/src/workbench/IssuePlane.tsx): legend and point labels. */
import { defineNamespace } from '../../translate.js';
import en from './en.json' with { type: 'json' };
import ru from './ru.json' with { type: 'json' };
import zh from './zh-Hans.json' with { type: 'json' };

export const plane = defineNamespace('plane', { en, ru, 'zh-Hans': zh });
