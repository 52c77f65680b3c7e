/**
 * The terminal summary of `concord report` (the lines each section gives the CLI, src/report/sections/):
 * the CLI's output rather than the report's, so in its own namespace.
 */
import { defineNamespace } from '../../translate.js';
import en from './en.json' with { type: 'json' };
import ru from './ru.json' with { type: 'json' };
import zh from './zh-Hans.json' with { type: 'json' };

export const reportSummary = defineNamespace('report-summary', { en, ru, 'zh-Hans': zh });
