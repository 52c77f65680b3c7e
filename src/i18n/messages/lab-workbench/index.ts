/** The lab's issue workbench: the case, its issues as lines and each model's forecast. */
import { defineNamespace } from '../../translate.js';
import en from './en.json' with { type: 'json' };
import ru from './ru.json' with { type: 'json' };
import zh from './zh-Hans.json' with { type: 'json' };

export const labWorkbench = defineNamespace(
  'lab-workbench',
  { en, ru, 'zh-Hans': zh },
  { dynamic: ['model.', 'preset.'] },
);
