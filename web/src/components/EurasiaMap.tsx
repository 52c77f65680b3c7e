/**
 * The map of Eurasia coloured by membership status. The outlines are projected at build time by
 * the report's own map code (src/report/charts/map.ts, Albers equal-area conic); only the colours
 * change here, so moving the date slider redraws at once.
 */
import map from 'virtual:concord-map';
import { memo, useRef } from 'react';
import { lab } from '../../../src/i18n/messages/lab/index.js';
import { labCharts } from '../../../src/i18n/messages/lab-charts/index.js';
import { STATUS_COLOURS } from '../../../src/util/palette.js';
import { useT } from '../i18n.js';
import { useCountryName } from '../names.js';
import { ChartDownloads, svgIn } from './ChartDownloads.js';

export const STATUS_ORDER = ['member', 'observer', 'dialogue partner', 'partner', 'applicant'] as const;

function EurasiaMapImpl({
  status,
  title,
  id = 'lab-map',
}: {
  status: ReadonlyMap<string, string>;
  title: string;
  id?: string;
}) {
  const t = useT(labCharts);
  const tl = useT(lab);
  const label = (s: string) => tl.or(`status.${s}`, s);
  const countryName = useCountryName();
  const used = STATUS_ORDER.filter((s) => [...status.values()].includes(s));
  const ref = useRef<HTMLElement>(null);
  return (
    <figure className="map-figure" ref={ref}>
      <svg
        id={id}
        className="map"
        viewBox={`0 0 ${map.width} ${map.height}`}
        role="img"
        aria-labelledby={`${id}-title`}
        data-statuses={[...status.entries()]
          .map(([k, v]) => `${k}:${v}`)
          .sort()
          .join(' ')}
      >
        <title id={`${id}-title`}>{title}</title>
        <rect width={map.width} height={map.height} fill="#f4f8fb" />
        <g stroke="#ffffff" strokeWidth={0.4}>
          {map.shapes.map((s, i) => {
            const st = (s.iso3 && status.get(s.iso3)) || 'none';
            return (
              <path
                // biome-ignore lint/suspicious/noArrayIndexKey: fixed list of shapes
                key={i}
                d={s.d}
                fill={STATUS_COLOURS[st] ?? STATUS_COLOURS.none}
                data-iso3={s.iso3}
                data-status={st}
              >
                <title>
                  {st !== 'none'
                    ? t('map.shape', { name: countryName(s.iso3, s.name), status: label(st) })
                    : countryName(s.iso3, s.name)}
                </title>
              </path>
            );
          })}
        </g>
        <g>
          {map.shapes.map((s, i) => {
            const st = (s.iso3 && status.get(s.iso3)) || 'none';
            if (!s.dot || st === 'none') return null;
            return (
              <circle
                // biome-ignore lint/suspicious/noArrayIndexKey: fixed list of shapes
                key={i}
                cx={s.dot[0]}
                cy={s.dot[1]}
                r={4}
                fill={STATUS_COLOURS[st]}
                stroke="#fff"
                strokeWidth={1}
                data-iso3={s.iso3}
              >
                <title>{t('map.shape', { name: countryName(s.iso3, s.name), status: label(st) })}</title>
              </circle>
            );
          })}
        </g>
      </svg>
      <figcaption>
        <ul className="legend" aria-label={t('legend')}>
          {used.map((s) => (
            <li key={s}>
              <span className="swatch" style={{ background: STATUS_COLOURS[s] }} aria-hidden="true" />
              {label(s)}
            </li>
          ))}
        </ul>
        <ChartDownloads svg={() => svgIn(ref.current)} name={title} />
      </figcaption>
    </figure>
  );
}

export const EurasiaMap = memo(EurasiaMapImpl);
