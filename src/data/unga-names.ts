/**
 * The explicit map from the country names of the UN General Assembly voting data (Voeten 2013, as
 * distributed in the `unvotes` package: `../shared/data/unga-votes-matrix.csv`, column `country`) to
 * ISO 3166-1 alpha-3 codes. The matrix names states, not codes, so every name is listed here by hand;
 * the build fails on a name that is not.
 *
 * Rules, stated once (the same continuation rules as the COW table, src/data/cow-iso3.ts):
 * - A seat whose legal personality continues in a present UN member maps to that member: the Soviet
 *   Union's votes are filed under "Russia" in the data (RUS); the Federal Republic of Germany (to
 *   1990) and "Germany" (from 1991) are both DEU; the Yemen Arab Republic (North Yemen, to 1990)
 *   and "Yemen" (from 1990) are both YEM; "Yugoslavia" (the SFRY, then the FRY, Serbia and
 *   Montenegro, and Serbia: one row in the data, to 2019) is SRB. Rows merged into one code never
 *   vote on the same roll call (the build checks it).
 * - A state without a present successor keeps its ISO 3166-3 retired code: Czechoslovakia CSK,
 *   the German Democratic Republic DDR, the People's Democratic Republic of Yemen (South Yemen) YMD.
 * - The Republic of China held China's seat until 25 October 1971; the data file its votes under
 *   "Taiwan" (TWN) and the People's Republic's from 1971 under "China" (CHN).
 * - Zanzibar (a member from December 1963 to April 1964) has no recorded vote in this copy: `null`,
 *   dropped.
 */
export interface UngaName {
  /** The name exactly as in the data's `country` column. */
  readonly name: string;
  /** ISO 3166-1 alpha-3 (or ISO 3166-3 retired) code; `null`: dropped. */
  readonly iso3: string | null;
}

// biome-ignore format: a table, four names a line
const rows: ReadonlyArray<readonly [string, string | null]> = [
  ['Afghanistan', 'AFG'], ['Albania', 'ALB'], ['Algeria', 'DZA'], ['Andorra', 'AND'],
  ['Angola', 'AGO'], ['Antigua & Barbuda', 'ATG'], ['Argentina', 'ARG'], ['Armenia', 'ARM'],
  ['Australia', 'AUS'], ['Austria', 'AUT'], ['Azerbaijan', 'AZE'], ['Bahamas', 'BHS'],
  ['Bahrain', 'BHR'], ['Bangladesh', 'BGD'], ['Barbados', 'BRB'], ['Belarus', 'BLR'],
  ['Belgium', 'BEL'], ['Belize', 'BLZ'], ['Benin', 'BEN'], ['Bhutan', 'BTN'],
  ['Bolivia', 'BOL'], ['Bosnia & Herzegovina', 'BIH'], ['Botswana', 'BWA'], ['Brazil', 'BRA'],
  ['Brunei', 'BRN'], ['Bulgaria', 'BGR'], ['Burkina Faso', 'BFA'], ['Burundi', 'BDI'],
  ['Cambodia', 'KHM'], ['Cameroon', 'CMR'], ['Canada', 'CAN'], ['Cape Verde', 'CPV'],
  ['Central African Republic', 'CAF'], ['Chad', 'TCD'], ['Chile', 'CHL'], ['China', 'CHN'],
  ['Colombia', 'COL'], ['Comoros', 'COM'], ['Congo - Brazzaville', 'COG'], ['Congo - Kinshasa', 'COD'],
  ['Costa Rica', 'CRI'], ['Croatia', 'HRV'], ['Cuba', 'CUB'], ['Cyprus', 'CYP'],
  ['Czechia', 'CZE'], ['Czechoslovakia', 'CSK'], ['Côte d’Ivoire', 'CIV'], ['Denmark', 'DNK'],
  ['Djibouti', 'DJI'], ['Dominica', 'DMA'], ['Dominican Republic', 'DOM'], ['Ecuador', 'ECU'],
  ['Egypt', 'EGY'], ['El Salvador', 'SLV'], ['Equatorial Guinea', 'GNQ'], ['Eritrea', 'ERI'],
  ['Estonia', 'EST'], ['Eswatini', 'SWZ'], ['Ethiopia', 'ETH'], ['Federal Republic of Germany', 'DEU'],
  ['Fiji', 'FJI'], ['Finland', 'FIN'], ['France', 'FRA'], ['Gabon', 'GAB'],
  ['Gambia', 'GMB'], ['Georgia', 'GEO'], ['German Democratic Republic', 'DDR'], ['Germany', 'DEU'],
  ['Ghana', 'GHA'], ['Greece', 'GRC'], ['Grenada', 'GRD'], ['Guatemala', 'GTM'],
  ['Guinea', 'GIN'], ['Guinea-Bissau', 'GNB'], ['Guyana', 'GUY'], ['Haiti', 'HTI'],
  ['Honduras', 'HND'], ['Hungary', 'HUN'], ['Iceland', 'ISL'], ['India', 'IND'],
  ['Indonesia', 'IDN'], ['Iran', 'IRN'], ['Iraq', 'IRQ'], ['Ireland', 'IRL'],
  ['Israel', 'ISR'], ['Italy', 'ITA'], ['Jamaica', 'JAM'], ['Japan', 'JPN'],
  ['Jordan', 'JOR'], ['Kazakhstan', 'KAZ'], ['Kenya', 'KEN'], ['Kiribati', 'KIR'],
  ['Kuwait', 'KWT'], ['Kyrgyzstan', 'KGZ'], ['Laos', 'LAO'], ['Latvia', 'LVA'],
  ['Lebanon', 'LBN'], ['Lesotho', 'LSO'], ['Liberia', 'LBR'], ['Libya', 'LBY'],
  ['Liechtenstein', 'LIE'], ['Lithuania', 'LTU'], ['Luxembourg', 'LUX'], ['Madagascar', 'MDG'],
  ['Malawi', 'MWI'], ['Malaysia', 'MYS'], ['Maldives', 'MDV'], ['Mali', 'MLI'],
  ['Malta', 'MLT'], ['Marshall Islands', 'MHL'], ['Mauritania', 'MRT'], ['Mauritius', 'MUS'],
  ['Mexico', 'MEX'], ['Micronesia (Federated States of)', 'FSM'], ['Moldova', 'MDA'], ['Monaco', 'MCO'],
  ['Mongolia', 'MNG'], ['Montenegro', 'MNE'], ['Morocco', 'MAR'], ['Mozambique', 'MOZ'],
  ['Myanmar (Burma)', 'MMR'], ['Namibia', 'NAM'], ['Nauru', 'NRU'], ['Nepal', 'NPL'],
  ['Netherlands', 'NLD'], ['New Zealand', 'NZL'], ['Nicaragua', 'NIC'], ['Niger', 'NER'],
  ['Nigeria', 'NGA'], ['North Korea', 'PRK'], ['North Macedonia', 'MKD'], ['Norway', 'NOR'],
  ['Oman', 'OMN'], ['Pakistan', 'PAK'], ['Palau', 'PLW'], ['Panama', 'PAN'],
  ['Papua New Guinea', 'PNG'], ['Paraguay', 'PRY'], ['Peru', 'PER'], ['Philippines', 'PHL'],
  ['Poland', 'POL'], ['Portugal', 'PRT'], ['Qatar', 'QAT'], ['Romania', 'ROU'],
  ['Russia', 'RUS'], ['Rwanda', 'RWA'], ['Samoa', 'WSM'], ['San Marino', 'SMR'],
  ['Saudi Arabia', 'SAU'], ['Senegal', 'SEN'], ['Seychelles', 'SYC'], ['Sierra Leone', 'SLE'],
  ['Singapore', 'SGP'], ['Slovakia', 'SVK'], ['Slovenia', 'SVN'], ['Solomon Islands', 'SLB'],
  ['Somalia', 'SOM'], ['South Africa', 'ZAF'], ['South Korea', 'KOR'], ['South Sudan', 'SSD'],
  ['Spain', 'ESP'], ['Sri Lanka', 'LKA'], ['St. Kitts & Nevis', 'KNA'], ['St. Lucia', 'LCA'],
  ['St. Vincent & Grenadines', 'VCT'], ['Sudan', 'SDN'], ['Suriname', 'SUR'], ['Sweden', 'SWE'],
  ['Switzerland', 'CHE'], ['Syria', 'SYR'], ['São Tomé & Príncipe', 'STP'], ['Taiwan', 'TWN'],
  ['Tajikistan', 'TJK'], ['Tanzania', 'TZA'], ['Thailand', 'THA'], ['Timor-Leste', 'TLS'],
  ['Togo', 'TGO'], ['Tonga', 'TON'], ['Trinidad & Tobago', 'TTO'], ['Tunisia', 'TUN'],
  ['Turkey', 'TUR'], ['Turkmenistan', 'TKM'], ['Tuvalu', 'TUV'], ['Uganda', 'UGA'],
  ['Ukraine', 'UKR'], ['United Arab Emirates', 'ARE'], ['United Kingdom', 'GBR'], ['United States', 'USA'],
  ['Uruguay', 'URY'], ['Uzbekistan', 'UZB'], ['Vanuatu', 'VUT'], ['Venezuela', 'VEN'],
  ['Vietnam', 'VNM'], ['Yemen', 'YEM'], ['Yemen Arab Republic', 'YEM'], ["Yemen People's Republic", 'YMD'],
  ['Yugoslavia', 'SRB'], ['Zambia', 'ZMB'], ['Zanzibar', null], ['Zimbabwe', 'ZWE'],
];

/** Every country name of the voting data, in the data's order. */
export const UNGA_NAMES: readonly UngaName[] = rows.map(([name, iso3]) => ({ name, iso3 }));

const byName = new Map(UNGA_NAMES.map((n) => [n.name, n.iso3]));

/** The code of a name of the voting data: ISO3, `null` (dropped), or `undefined` (not in the table). */
export function ungaNameToIso3(name: string): string | null | undefined {
  return byName.get(name);
}

/**
 * Names for the codes of states that no longer exist (ISO 3166-3) or are not UN members, which the
 * country data (193 UN members) does not know.
 */
export const FORMER_STATE_NAMES: Readonly<Record<string, string>> = {
  CSK: 'Czechoslovakia',
  DDR: 'German Democratic Republic',
  YMD: 'South Yemen',
  TWN: 'Taiwan (Republic of China)',
};
