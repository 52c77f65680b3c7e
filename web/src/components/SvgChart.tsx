/**
 * A chart rendered by the report's own SVG code (src/report/charts/), placed in the page. The
 * report's charts are strings; inline `style` attributes are dropped, since the lab's Content
 * Security Policy allows no inline styles (the stylesheet sizes the charts instead).
 */
import { memo } from 'react';

function SvgChartImpl({ svg, className }: { svg: string; className?: string }) {
  const clean = svg.replace(/ style="[^"]*"/g, '');
  // biome-ignore lint/security/noDangerouslySetInnerHtml: the SVG comes from Concord's own chart code, which escapes every text
  return <div className={`svg-chart ${className ?? ''}`} dangerouslySetInnerHTML={{ __html: clean }} />;
}

export const SvgChart = memo(SvgChartImpl);
