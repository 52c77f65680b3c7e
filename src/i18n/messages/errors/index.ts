/**
 * Error messages by key (ConcordError's `key`; a key's hint is `hint.<key>`), and the labels the
 * CLI prints around them. The English catalogue words each message as the code that throws it
 * does; the thrown English text stays the fallback for English and for errors without a key.
 */
import { defineNamespace } from '../../translate.js';
import en from './en.json' with { type: 'json' };
import ru from './ru.json' with { type: 'json' };
import zh from './zh-Hans.json' with { type: 'json' };

export const errors = defineNamespace(
  'errors',
  { en, ru, 'zh-Hans': zh },
  {
    dynamic: ['hint.', 'usage.', 'issue.'],
  },
);
