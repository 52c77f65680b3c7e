/**
 * The JSON Schemas of Concord's input files, generated from the zod schemas (the single source of
 * truth). `npm run docs:schemas` writes them to docs/schemas/; a test checks they are current.
 * Also the entry `concord/schemas`: the zod schemas themselves, by name.
 *
 * @module concord/schemas
 */
import { z } from 'zod';
import { ClaimsFileSchema } from './claims/schema.js';
import { OrganizationSchema } from './org/schema.js';
import { GameFileSchema } from './rules/game.js';
import { RuleSchema } from './rules/schema.js';
import { ScenarioFileSchema } from './scenario/schema.js';
import { SweepDesignSchema, UncertaintySchema } from './scenario/uncertainty.js';

export const SCHEMAS: Record<string, z.ZodType> = {
  organization: OrganizationSchema,
  claims: ClaimsFileSchema,
  rule: RuleSchema,
  scenario: ScenarioFileSchema,
  uncertainty: UncertaintySchema,
  sweep: SweepDesignSchema,
  game: GameFileSchema,
};

export function jsonSchema(name: string): Record<string, unknown> {
  const schema = SCHEMAS[name];
  if (!schema) throw new Error(`no schema ${name}`);
  return {
    $id: `https://concord.local/schemas/${name}.json`,
    ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', reused: 'ref' }),
  };
}

export { IsoDateSchema } from './util/dates.js';
export {
  ClaimsFileSchema,
  GameFileSchema,
  OrganizationSchema,
  RuleSchema,
  ScenarioFileSchema,
  SweepDesignSchema,
  UncertaintySchema,
};
