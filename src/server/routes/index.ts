/**
 * The API's routes, one module per capability. A capability adds its module here (one line) and
 * says so in ../capabilities.ts, which the lab reads to know which pages are wired.
 */
import type { AnyRoute } from '../route.js';
import { routes as alignment } from './alignment.js';
import { routes as balance } from './balance.js';
import { routes as briefings } from './briefings.js';
import { routes as claims } from './claims.js';
import { routes as meta } from './meta.js';
import { routes as orgs } from './orgs.js';
import { routes as power } from './power.js';
import { routes as reform } from './reform.js';
import { routes as registry } from './registry.js';
import { routes as rooms } from './rooms.js';
import { routes as runs } from './runs.js';
import { routes as scenarios } from './scenarios.js';
import { routes as sweeps } from './sweeps.js';
import { routes as uploads } from './uploads.js';

export function apiRoutes(): AnyRoute[] {
  return [
    ...meta,
    ...orgs,
    ...balance,
    ...briefings,
    ...alignment,
    ...claims,
    ...power,
    ...reform,
    ...scenarios,
    ...uploads,
    ...registry,
    ...sweeps,
    ...runs,
    ...rooms,
  ];
}
