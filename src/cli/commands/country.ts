/** `concord country <ISO3> [--at DATE] [--json]` and `concord countries`: the country data. */
import type { Command } from 'commander';
import { country } from '../../data/dataset.js';
import { loadDataset } from '../../data/load.js';
import { loadOrganizations } from '../../org/load.js';
import { principalStatuses } from '../../org/organization.js';
import { parseDate, todayIso, yearOf } from '../../util/dates.js';
import { big, json, table } from '../../util/format.js';
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
      io.out(`${c.name} (${c.iso3}), ${c.region} / ${c.subregion}${c.eurasia ? ', in Eurasia' : ''}`);
      io.out(
        table(
          ['measure', 'value', 'year'],
          [
            ['area', `${big(c.areaKm2)} km²`, '–'],
            ['population', big(out.population?.value), String(out.population?.year ?? '–')],
            ['GDP (current US$)', big(out.gdpUsd?.value), String(out.gdpUsd?.year ?? '–')],
            ['CINC', out.cinc ? out.cinc.value.toFixed(4) : '–', String(out.cinc?.year ?? '–')],
            [
              'nuclear',
              nuclear
                ? `${nuclear.status}${nuclear.firstTest ? `, first test ${nuclear.firstTest}` : ''}`
                : 'no',
              '–',
            ],
          ],
        ),
      );
      io.out(
        `organizations on ${date}: ${organizations.map((o) => `${o.organization} (${o.status})`).join(', ') || 'none of the built-in ones'}`,
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
      io.out(
        table(
          ['iso3', 'name', 'region', 'area km²'],
          list.map((c) => [c.iso3, c.name, c.region, c.areaKm2.toLocaleString('en-US')]),
        ),
      );
      io.out(
        `${list.length} states${opts.eurasia ? `, ${ds.eurasiaAreaKm2.toLocaleString('en-US')} km² in all` : ''}`,
      );
    });
}
