/**
 * A chart rendered by the report's own SVG code (src/report/charts/), placed in the page, with its
 * downloads (SVG, PNG and, when given, the data as CSV). The report's charts are strings; inline
 * `style` attributes are dropped, since the lab's Content Security Policy allows no inline styles
 * (the stylesheet sizes the charts instead).
 */
import { memo } from 'react';
import { ChartDownloads } from './ChartDownloads.js';

function SvgChartImpl({
  svg,
  className,
  name,
  csv,
}: {
  svg: string;
  className?: string;
  /** The file name of the downloads (default: the chart's id). */
  name?: string;
  csv?: string | null;
}) {
  const clean = svg.replace(/ style="[^"]*"/g, '');
  const id = name ?? /<svg[^>]* id="([^"]+)"/.exec(svg)?.[1] ?? 'chart';
  return (
    <div className={`svg-chart ${className ?? ''}`}>
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: the SVG comes from Concord's own chart code, which escapes every text */}
      <div dangerouslySetInnerHTML={{ __html: clean }} />
      <ChartDownloads svg={clean} name={id} csv={csv ?? null} />
    </div>
  );
}

export const SvgChart = memo(SvgChartImpl);
