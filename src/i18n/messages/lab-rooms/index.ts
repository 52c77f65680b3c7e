/** The lab's Rooms page: starting and joining a room, the moderator's console, the participant's view, the debrief. */
import { defineNamespace } from '../../translate.js';
import en from './en.json' with { type: 'json' };
import ru from './ru.json' with { type: 'json' };
import zh from './zh-Hans.json' with { type: 'json' };

export const labRooms = defineNamespace(
  'lab-rooms',
  { en, ru, 'zh-Hans': zh },
  { dynamic: ['phase.', 'answer.', 'result.'] },
);
