/** The commands of the `concord` CLI, in the order of its help. */
import type { Command } from 'commander';
import type { CliIO } from '../io.js';
import { register as alignment } from './alignment.js';
import { register as backtest } from './backtest.js';
import { register as balance } from './balance.js';
import { register as capacity } from './capacity.js';
import { register as claims } from './claims.js';
import { register as country } from './country.js';
import { register as design } from './design.js';
import { register as forecast } from './forecast.js';
import { register as org } from './org.js';
import { register as power } from './power.js';
import { register as quota } from './quota.js';
import { register as report } from './report.js';
import { register as runs } from './runs.js';
import { register as serve } from './serve.js';
import { register as sweep } from './sweep.js';
import { register as timeline } from './timeline.js';
import { register as token } from './token.js';
import { register as worker } from './worker.js';

export const COMMANDS: ReadonlyArray<(program: Command, io: CliIO) => void> = [
  org,
  timeline,
  claims,
  country,
  power,
  quota,
  design,
  capacity,
  balance,
  alignment,
  forecast,
  backtest,
  report,
  sweep,
  runs,
  worker,
  serve,
  token,
];
