/**
 * Downloads of a chart: the SVG itself, a PNG drawn from it (a canvas at twice the size), and its
 * data as CSV when the page has them. Everything happens in the browser; nothing is sent anywhere.
 */
import { labCharts } from '../../../src/i18n/messages/lab-charts/index.js';
import { saveFile } from '../api.js';
import { useT } from '../i18n.js';

/** The chart as a standalone SVG document. */
export function svgDocument(svg: string): string {
  const withNs = svg.includes('xmlns=')
    ? svg
    : svg.replace('<svg', '<svg xmlns="http://www.w3.org/2000/svg"');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${withNs}`;
}

/** The chart drawn to a PNG, white background, at `scale` times its viewBox size. */
export async function svgToPng(svg: string, scale = 2): Promise<Blob> {
  const m = /viewBox="[\d.-]+ [\d.-]+ ([\d.]+) ([\d.]+)"/.exec(svg);
  const w = Math.ceil(Number(m?.[1] ?? 800));
  const h = Math.ceil(Number(m?.[2] ?? 600));
  const sized = svgDocument(svg).replace('<svg', `<svg width="${w}" height="${h}"`);
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(sized)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = w * scale;
  canvas.height = h * scale;
  const g = canvas.getContext('2d')!;
  g.fillStyle = '#fff';
  g.fillRect(0, 0, canvas.width, canvas.height);
  g.drawImage(img, 0, 0, canvas.width, canvas.height);
  return new Promise((ok, fail) =>
    canvas.toBlob((b) => (b ? ok(b) : fail(new Error('the browser could not draw the PNG'))), 'image/png'),
  );
}

export function ChartDownloads({
  svg: given,
  name,
  csv,
}: {
  /** The chart's SVG, or a function giving it when a download is asked for (a chart drawn by React). */
  svg: string | (() => string);
  name: string;
  csv?: string | null;
}) {
  const t = useT(labCharts);
  const file = name.replace(/[^\p{L}\p{N}_.-]+/gu, '-');
  const svgOf = () => (typeof given === 'string' ? given : given());
  return (
    <p className="downloads small">
      <span className="muted">{t('download')}</span>{' '}
      <button
        type="button"
        className="link"
        onClick={() => saveFile(new Blob([svgDocument(svgOf())], { type: 'image/svg+xml' }), `${file}.svg`)}
        aria-label={t('download.svg', { name })}
      >
        SVG
      </button>{' '}
      <button
        type="button"
        className="link"
        onClick={() => void svgToPng(svgOf()).then((b) => saveFile(b, `${file}.png`))}
        aria-label={t('download.png', { name })}
      >
        PNG
      </button>
      {csv ? (
        <>
          {' '}
          <button
            type="button"
            className="link"
            onClick={() => saveFile(new Blob([csv], { type: 'text/csv' }), `${file}.csv`)}
            aria-label={t('download.csv', { name })}
          >
            {t('download.data')}
          </button>
        </>
      ) : null}
    </p>
  );
}

/** The SVG element inside `el` (a chart drawn by React), as markup. */
export function svgIn(el: HTMLElement | null): string {
  const svg = el?.querySelector('svg');
  return svg ? new XMLSerializer().serializeToString(svg) : '<svg xmlns="http://www.w3.org/2000/svg"/>';
}
