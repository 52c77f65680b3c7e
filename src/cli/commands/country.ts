/** `concord country <ISO3> [--at DATE] [--json]` and `concord countries`: the country data. */
import type { Command } from 'commander';
import { country } from '../../data/dataset.js';
import { loadDataset } from '../../data/load.js';
import { cliOrg } from '../../i18n/messages/cli-org/index.js';
import { loadOrganizations } from '../../org/load.js';
import { organizationShortName } from '../../org/names.js';
import { principalStatuses } from '../../org/organization.js';
import { parseDate, todayIso, yearOf } from '../../util/dates.js';
import { json, table } from '../../util/format.js';
import { cliText } from '../i18n.js';
import type { CliIO } from '../io.js';

export function register(program: Command, io: CliIO): void {
  program
    .command('country')
    .description("a state's data on a date, and its status in each organization")
    .argument('<iso3>', 'ISO 3166-1 alpha-3 code, e.g. KAZ')
    .option('--at <date>', 'the date, YYYY-MM-DD (default: today)')
    .option('--json', 'print JSON')
    .action((code: string, opts: { at?: string; json?: boolean }) => {
      const ds = loadDataset();
      const c = country(ds, code);
      const date = parseDate(opts.at ?? todayIso(), '--at');
      const year = yearOf(date);
      const at = (s: typeof ds.population) => {
        const y = s.commonYear([c.iso3], year);
        return y === null ? null : { value: s.get(c.iso3, y)!, year: y };
      };
      const organizations = loadOrganizations()
        .all()
        .map((o) => ({ organization: o.id, status: principalStatuses(o, date).get(c.iso3)?.status ?? null }))
        .filter((x) => x.status);
      const nuclear = ds.nuclear.find((n) => n.iso3 === c.iso3) ?? null;
      const out = {
        ...c,
        date,
        population: at(ds.population),
        gdpUsd: at(ds.gdp),
        cinc: at(ds.cinc),
        nuclear,
        organizations,
      };
      if (opts.json) return io.out(json(out));
      const x = cliText(io, cliOrg);
      const { t } = x;
      const en = x.locale === 'en';
      const word = (prefix: string, v: string) =>
        x.t.has(`${prefix}${v}`) ? t(`${prefix}${v}` as never) : v;
      io.out(
        t('country.title', {
          name: en ? c.name : x.country(c.iso3),
          iso3: c.iso3,
          region: word('region.', c.region),
          subregion: word('subregion.', c.subregion),
          eurasia: c.eurasia ? t('country.inEurasia') : '',
        }),
      );
      const nuclearText = nuclear
        ? nuclear.firstTest
          ? t('country.firstTest', {
              status: word('nuclear.', nuclear.status),
              date: x.date(nuclear.firstTest),
            })
          : word('nuclear.', nuclear.status)
        : t('country.no');
      io.out(
        table(
          [t('col.measure'), t('col.value'), t('col.year')],
          [
            [t('facts.area'), t('facts.km2', { value: x.big(c.areaKm2) }), '–'],
            [t('facts.population'), x.big(out.population?.value), String(out.population?.year ?? '–')],
            [t('facts.gdp'), x.big(out.gdpUsd?.value), String(out.gdpUsd?.year ?? '–')],
            ['CINC', out.cinc ? x.fixed(out.cinc.value, 4) : '–', String(out.cinc?.year ?? '–')],
            [t('country.nuclear'), nuclearText, '–'],
          ],
        ),
      );
      const registry = en ? undefined : loadOrganizations();
      const list = organizations.map((o) =>
        t('country.orgStatus', {
          org: registry ? organizationShortName(registry.get(o.organization), x.locale) : o.organization,
          status: word('status.', o.status!),
        }),
      );
      io.out(
        list.length
          ? t('country.orgs', { date: x.date(date), list: en ? list.join(', ') : x.fmt.list(list) })
          : t('country.noOrgs', { date: x.date(date) }),
      );
    });

  program
    .command('countries')
    .description('list the UN member states in the data')
    .option('--eurasia', 'only the states counted in Eurasia')
    .option('--json', 'print JSON')
    .action((opts: { eurasia?: boolean; json?: boolean }) => {
      const ds = loadDataset();
      const list = [...ds.countries.values()].filter((c) => !opts.eurasia || c.eurasia);
      if (opts.json) return io.out(json(list));
      const x = cliText(io, cliOrg);
      const { t } = x;
      const en = x.locale === 'en';
      const area = (n: number) => (en ? n.toLocaleString('en-US') : x.fmt.number(n, 0));
      io.out(
        table(
          [t('col.iso3'), t('col.name'), t('col.region'), t('col.area')],
          list.map((c) => [
            c.iso3,
            en ? c.name : x.country(c.iso3),
            x.t.has(`region.${c.region}`) ? t(`region.${c.region}` as never) : c.region,
            area(c.areaKm2),
          ]),
        ),
      );
      io.out(
        opts.eurasia
          ? t('countries.countEurasia', { count: list.length, area: area(ds.eurasiaAreaKm2) })
          : t('countries.count', { count: list.length }),
      );
    });
}
