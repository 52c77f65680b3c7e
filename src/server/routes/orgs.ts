/** Organizations on a date, their history and timeline, and the country data: public, read-only. */
import { z } from 'zod';
import { country } from '../../data/dataset.js';
import type { CountryRecord } from '../../data/types.js';
import { fullTimeline, lineage } from '../../org/history.js';
import { principalStatuses, stages } from '../../org/organization.js';
import { DATE_CONVENTION_HELP, DATE_CONVENTIONS, DEFAULT_DATE_CONVENTION } from '../../org/schema.js';
import { snapshot } from '../../org/snapshot.js';
import { orgCsv } from '../../org/tidy.js';
import { parseDate, todayIso, yearOf } from '../../util/dates.js';
import { sentence } from '../../util/format.js';
import { type AnyRoute, route } from '../route.js';
import {
  AtQuery,
  CountryParams,
  CountrySchema,
  HistorySchema,
  OrgParams,
  OrgSummarySchema,
  SnapshotSchema,
  StageSchema,
  TimelineEventSchema,
} from '../schemas.js';

const DAY = 3600;

/** A state as the API lists it (CountrySchema): its codes, name, region and area. */
const countryView = (c: CountryRecord) => ({
  iso3: c.iso3,
  isoNumeric: c.isoNumeric,
  name: c.name,
  region: c.region,
  subregion: c.subregion,
  areaKm2: c.areaKm2,
  eurasia: c.eurasia,
});

export const routes: AnyRoute[] = [
  route({
    method: 'GET',
    url: '/api/orgs',
    operationId: 'listOrganizations',
    summary: 'The built-in organizations',
    tag: 'organizations',
    access: 'public',
    cacheSeconds: DAY,
    response: {
      description: 'The organizations',
      schema: z.object({ organizations: z.array(OrgSummarySchema) }),
    },
    handler: ({ ctx }) => ({
      organizations: ctx.registry.all().map((o) => ({
        id: o.id,
        name: o.name,
        shortName: o.shortName,
        localized: o.localized
          ? {
              ...(o.localized.ru ? { ru: o.localized.ru } : {}),
              ...(o.localized['zh-Hans'] ? { 'zh-Hans': o.localized['zh-Hans'] } : {}),
            }
          : null,
        founded: o.founded,
        dissolved: o.dissolved ?? null,
        predecessor: o.predecessor ?? null,
        successor: o.successor ?? null,
        description: o.description ?? null,
      })),
    }),
  }),
  route({
    method: 'GET',
    url: '/api/orgs/:id',
    operationId: 'organizationOnDate',
    summary: 'An organization on a date: members, partners, applicants, chair, rule and facts',
    description:
      'The same object as `concord org ID --at DATE --json`. Before the founding the SCO answers with its predecessor, the Shanghai Five (`era` says so).',
    tag: 'organizations',
    access: 'public',
    params: OrgParams,
    query: AtQuery.extend({
      dates: z
        .enum(DATE_CONVENTIONS)
        .default(DEFAULT_DATE_CONVENTION)
        .describe(sentence(DATE_CONVENTION_HELP)),
    }).strict(),
    cacheSeconds: DAY,
    response: { description: 'The organization on that date', schema: SnapshotSchema },
    csv: orgCsv,
    handler: ({ ctx, params, query }) =>
      snapshot(ctx.registry, ctx.ds, params.id, parseDate(query.at ?? todayIso(), 'query.at'), query.dates),
  }),
  route({
    method: 'GET',
    url: '/api/orgs/:id/timeline',
    operationId: 'organizationTimeline',
    summary: 'The dated events of an organization and its predecessors',
    tag: 'organizations',
    access: 'public',
    params: OrgParams,
    cacheSeconds: DAY,
    response: {
      description: 'Events in date order',
      schema: z.object({ organization: z.string(), events: z.array(TimelineEventSchema) }),
    },
    handler: ({ ctx, params }) => ({
      organization: ctx.registry.get(params.id).id,
      events: fullTimeline(ctx.registry, params.id),
    }),
  }),
  route({
    method: 'GET',
    url: '/api/orgs/:id/stages',
    operationId: 'organizationStages',
    summary: 'Membership stages: the periods with one member set',
    tag: 'organizations',
    access: 'public',
    params: OrgParams,
    cacheSeconds: DAY,
    response: {
      description: 'Stages in date order',
      schema: z.object({ organization: z.string(), stages: z.array(StageSchema) }),
    },
    handler: ({ ctx, params }) => {
      const org = ctx.registry.get(params.id);
      return { organization: org.id, stages: stages(org) };
    },
  }),
  route({
    method: 'GET',
    url: '/api/orgs/:id/history',
    operationId: 'organizationHistory',
    summary: 'Membership records, stages and events of an organization and its predecessors',
    description: 'Everything the lab needs to draw the timeline and to place a date slider.',
    tag: 'organizations',
    access: 'public',
    params: OrgParams,
    cacheSeconds: DAY,
    response: { description: 'The history', schema: HistorySchema },
    handler: ({ ctx, params }) => {
      const org = ctx.registry.get(params.id);
      const name = (iso3: string) => ctx.ds.countries.get(iso3)?.name ?? iso3;
      return {
        organization: org.id,
        lineage: lineage(ctx.registry, org.id).map((o) => ({
          id: o.id,
          shortName: o.shortName,
          founded: o.founded,
          dissolved: o.dissolved ?? null,
          memberships: o.memberships.map((m) => ({
            state: m.state,
            name: name(m.state),
            status: m.status,
            from: m.from,
            to: m.to ?? null,
            verified: m.verified,
          })),
        })),
        stages: stages(org),
        events: fullTimeline(ctx.registry, org.id),
      };
    },
  }),
  route({
    method: 'GET',
    url: '/api/countries',
    operationId: 'listCountries',
    summary: 'The UN member states in the data (ISO3, numeric code, region, area, Eurasia flag)',
    tag: 'countries',
    access: 'public',
    query: z.object({ eurasia: z.enum(['true', 'false']).optional() }).strict(),
    cacheSeconds: DAY,
    response: { description: 'The states', schema: z.object({ countries: z.array(CountrySchema) }) },
    handler: ({ ctx, query }) => ({
      countries: [...ctx.ds.countries.values()]
        .filter((c) => query.eurasia !== 'true' || c.eurasia)
        .map(countryView),
    }),
  }),
  route({
    method: 'GET',
    url: '/api/countries/:iso3',
    operationId: 'countryOnDate',
    summary: "A state's figures on a date and its status in each organization",
    tag: 'countries',
    access: 'public',
    params: CountryParams,
    query: AtQuery,
    cacheSeconds: DAY,
    response: {
      description: 'The state',
      schema: CountrySchema.extend({
        date: z.string(),
        population: z.object({ value: z.number(), year: z.number() }).nullable(),
        gdpUsd: z.object({ value: z.number(), year: z.number() }).nullable(),
        cinc: z.object({ value: z.number(), year: z.number() }).nullable(),
        organizations: z.array(z.object({ organization: z.string(), status: z.string() })),
      }),
    },
    handler: ({ ctx, params, query }) => {
      const c = country(ctx.ds, params.iso3, 'params.iso3');
      const date = parseDate(query.at ?? todayIso(), 'query.at');
      const year = yearOf(date);
      const at = (s: typeof ctx.ds.population) => {
        const y = s.commonYear([c.iso3], year);
        return y === null ? null : { value: s.get(c.iso3, y)!, year: y };
      };
      return {
        ...countryView(c),
        date,
        population: at(ctx.ds.population),
        gdpUsd: at(ctx.ds.gdp),
        cinc: at(ctx.ds.cinc),
        organizations: ctx.registry
          .all()
          .map((o) => ({ organization: o.id, status: principalStatuses(o, date).get(c.iso3)?.status ?? '' }))
          .filter((x) => x.status),
      };
    },
  }),
];
