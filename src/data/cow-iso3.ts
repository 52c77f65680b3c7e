/**
 * The explicit map from Correlates of War state codes to ISO 3166-1 alpha-3 codes.
 *
 * Source of the COW codes: Correlates of War Project, "State System Membership List v2016"
 * (https://correlatesofwar.org/data-sets/state-system-membership/). Each COW state is keyed by its
 * numeric `ccode`; `abb` is the COW abbreviation as it appears in the NMC 6.0 file.
 *
 * Rules, stated once:
 * - A COW state whose territory and legal personality continue in a present UN member maps to that
 *   member: the Soviet Union (365) to RUS, the Federal Republic of Germany (260) to DEU, North
 *   Yemen (678) to YEM, the Democratic Republic of Vietnam (816) to VNM, Yugoslavia/Serbia (345) to
 *   SRB.
 * - A state with no present successor code maps to `null` and its rows are dropped: the German
 *   Democratic Republic (265), Czechoslovakia (315), Zanzibar (511), South Yemen (680), the
 *   Republic of Vietnam (817).
 * - Where two COW states map to the same ISO3 code in the same year (Germany and Yemen in 1990),
 *   the one listed first for that ISO3 code (the continuing state) wins.
 * - Beware the COW abbreviations that collide with other ISO3 codes: COW `AUS` is Austria (AUT),
 *   `AUL` Australia (AUS), `SWZ` Switzerland (CHE), `SWA` Eswatini (SWZ), `MNG` Montenegro (MNE),
 *   `MON` Mongolia (MNG), `MAC` North Macedonia (MKD), `SLO` Slovakia (SVK), `SLV` Slovenia (SVN),
 *   `SAL` El Salvador (SLV), `CZE` Czechoslovakia (none), `CZR` Czechia (CZE).
 */
export interface CowMapping {
  readonly ccode: number;
  readonly abb: string;
  readonly iso3: string | null;
}

// biome-ignore format: a table, five states a line
const rows: ReadonlyArray<readonly [number, string, string | null]> = [
  [2, 'USA', 'USA'], [20, 'CAN', 'CAN'], [31, 'BHM', 'BHS'], [40, 'CUB', 'CUB'], [41, 'HAI', 'HTI'],
  [42, 'DOM', 'DOM'], [51, 'JAM', 'JAM'], [52, 'TRI', 'TTO'], [53, 'BAR', 'BRB'], [54, 'DMA', 'DMA'],
  [55, 'GRN', 'GRD'], [56, 'SLU', 'LCA'], [57, 'SVG', 'VCT'], [58, 'AAB', 'ATG'], [60, 'SKN', 'KNA'],
  [70, 'MEX', 'MEX'], [80, 'BLZ', 'BLZ'], [90, 'GUA', 'GTM'], [91, 'HON', 'HND'], [92, 'SAL', 'SLV'],
  [93, 'NIC', 'NIC'], [94, 'COS', 'CRI'], [95, 'PAN', 'PAN'], [100, 'COL', 'COL'], [101, 'VEN', 'VEN'],
  [110, 'GUY', 'GUY'], [115, 'SUR', 'SUR'], [130, 'ECU', 'ECU'], [135, 'PER', 'PER'], [140, 'BRA', 'BRA'],
  [145, 'BOL', 'BOL'], [150, 'PAR', 'PRY'], [155, 'CHL', 'CHL'], [160, 'ARG', 'ARG'], [165, 'URU', 'URY'],
  [200, 'UKG', 'GBR'], [205, 'IRE', 'IRL'], [210, 'NTH', 'NLD'], [211, 'BEL', 'BEL'], [212, 'LUX', 'LUX'],
  [220, 'FRN', 'FRA'], [221, 'MNC', 'MCO'], [223, 'LIE', 'LIE'], [225, 'SWZ', 'CHE'], [230, 'SPN', 'ESP'],
  [232, 'AND', 'AND'], [235, 'POR', 'PRT'], [255, 'GMY', 'DEU'], [260, 'GFR', 'DEU'], [265, 'GDR', null],
  [290, 'POL', 'POL'], [305, 'AUS', 'AUT'], [310, 'HUN', 'HUN'], [315, 'CZE', null], [316, 'CZR', 'CZE'],
  [317, 'SLO', 'SVK'], [325, 'ITA', 'ITA'], [331, 'SNM', 'SMR'], [338, 'MLT', 'MLT'], [339, 'ALB', 'ALB'],
  [341, 'MNG', 'MNE'], [343, 'MAC', 'MKD'], [344, 'CRO', 'HRV'], [345, 'YUG', 'SRB'], [346, 'BOS', 'BIH'],
  [347, 'KOS', 'XKX'], [349, 'SLV', 'SVN'], [350, 'GRC', 'GRC'], [352, 'CYP', 'CYP'], [355, 'BUL', 'BGR'],
  [359, 'MLD', 'MDA'], [360, 'ROM', 'ROU'], [365, 'RUS', 'RUS'], [366, 'EST', 'EST'], [367, 'LAT', 'LVA'],
  [368, 'LIT', 'LTU'], [369, 'UKR', 'UKR'], [370, 'BLR', 'BLR'], [371, 'ARM', 'ARM'], [372, 'GRG', 'GEO'],
  [373, 'AZE', 'AZE'], [375, 'FIN', 'FIN'], [380, 'SWD', 'SWE'], [385, 'NOR', 'NOR'], [390, 'DEN', 'DNK'],
  [395, 'ICE', 'ISL'], [402, 'CAP', 'CPV'], [403, 'STP', 'STP'], [404, 'GNB', 'GNB'], [411, 'EQG', 'GNQ'],
  [420, 'GAM', 'GMB'], [432, 'MLI', 'MLI'], [433, 'SEN', 'SEN'], [434, 'BEN', 'BEN'], [435, 'MAA', 'MRT'],
  [436, 'NIR', 'NER'], [437, 'CDI', 'CIV'], [438, 'GUI', 'GIN'], [439, 'BFO', 'BFA'], [450, 'LBR', 'LBR'],
  [451, 'SIE', 'SLE'], [452, 'GHA', 'GHA'], [461, 'TOG', 'TGO'], [471, 'CAO', 'CMR'], [475, 'NIG', 'NGA'],
  [481, 'GAB', 'GAB'], [482, 'CEN', 'CAF'], [483, 'CHA', 'TCD'], [484, 'CON', 'COG'], [490, 'DRC', 'COD'],
  [500, 'UGA', 'UGA'], [501, 'KEN', 'KEN'], [510, 'TAZ', 'TZA'], [511, 'ZAN', null], [516, 'BUI', 'BDI'],
  [517, 'RWA', 'RWA'], [520, 'SOM', 'SOM'], [522, 'DJI', 'DJI'], [530, 'ETH', 'ETH'], [531, 'ERI', 'ERI'],
  [540, 'ANG', 'AGO'], [541, 'MZM', 'MOZ'], [551, 'ZAM', 'ZMB'], [552, 'ZIM', 'ZWE'], [553, 'MAW', 'MWI'],
  [560, 'SAF', 'ZAF'], [565, 'NAM', 'NAM'], [570, 'LES', 'LSO'], [571, 'BOT', 'BWA'], [572, 'SWA', 'SWZ'],
  [580, 'MAG', 'MDG'], [581, 'COM', 'COM'], [590, 'MAS', 'MUS'], [591, 'SEY', 'SYC'], [600, 'MOR', 'MAR'],
  [615, 'ALG', 'DZA'], [616, 'TUN', 'TUN'], [620, 'LIB', 'LBY'], [625, 'SUD', 'SDN'], [626, 'SSD', 'SSD'],
  [630, 'IRN', 'IRN'], [640, 'TUR', 'TUR'], [645, 'IRQ', 'IRQ'], [651, 'EGY', 'EGY'], [652, 'SYR', 'SYR'],
  [660, 'LEB', 'LBN'], [663, 'JOR', 'JOR'], [666, 'ISR', 'ISR'], [670, 'SAU', 'SAU'], [679, 'YEM', 'YEM'],
  [678, 'YAR', 'YEM'], [680, 'YPR', null], [690, 'KUW', 'KWT'], [692, 'BAH', 'BHR'], [694, 'QAT', 'QAT'],
  [696, 'UAE', 'ARE'], [698, 'OMA', 'OMN'], [700, 'AFG', 'AFG'], [701, 'TKM', 'TKM'], [702, 'TAJ', 'TJK'],
  [703, 'KYR', 'KGZ'], [704, 'UZB', 'UZB'], [705, 'KZK', 'KAZ'], [710, 'CHN', 'CHN'], [712, 'MON', 'MNG'],
  [713, 'TAW', 'TWN'], [731, 'PRK', 'PRK'], [732, 'ROK', 'KOR'], [740, 'JPN', 'JPN'], [750, 'IND', 'IND'],
  [760, 'BHU', 'BTN'], [770, 'PAK', 'PAK'], [771, 'BNG', 'BGD'], [775, 'MYA', 'MMR'], [780, 'SRI', 'LKA'],
  [781, 'MAD', 'MDV'], [790, 'NEP', 'NPL'], [800, 'THI', 'THA'], [811, 'CAM', 'KHM'], [812, 'LAO', 'LAO'],
  [816, 'DRV', 'VNM'], [817, 'RVN', null], [820, 'MAL', 'MYS'], [830, 'SIN', 'SGP'], [835, 'BRU', 'BRN'],
  [840, 'PHI', 'PHL'], [850, 'INS', 'IDN'], [860, 'ETM', 'TLS'], [900, 'AUL', 'AUS'], [910, 'PNG', 'PNG'],
  [920, 'NEW', 'NZL'], [935, 'VAN', 'VUT'], [940, 'SOL', 'SLB'], [946, 'KIR', 'KIR'], [947, 'TUV', 'TUV'],
  [950, 'FIJ', 'FJI'], [955, 'TON', 'TON'], [970, 'NAU', 'NRU'], [983, 'MSI', 'MHL'], [986, 'PAL', 'PLW'],
  [987, 'FSM', 'FSM'], [990, 'WSM', 'WSM'],
];

/** Every COW state of the NMC data since 1946, in the order that settles collisions. */
export const COW_TO_ISO3: readonly CowMapping[] = rows.map(([ccode, abb, iso3]) => ({ ccode, abb, iso3 }));

const byCcode = new Map(COW_TO_ISO3.map((m) => [m.ccode, m]));

/** The ISO3 code of a COW state, `null` for a state without a present successor, `undefined` if unmapped. */
export function cowToIso3(ccode: number): string | null | undefined {
  return byCcode.get(ccode)?.iso3;
}

/** Rank of a COW state among those mapping to the same ISO3 code: lower wins a same-year collision. */
export function cowPriority(ccode: number): number {
  const m = byCcode.get(ccode);
  if (!m?.iso3) return Number.POSITIVE_INFINITY;
  return COW_TO_ISO3.filter((x) => x.iso3 === m.iso3).indexOf(m);
}
