/** The report's sections, in order. A new capability adds its section here. */
import type { ReportSection } from '../report.js';
import { alignmentSection } from './alignment.js';
import { balanceSection } from './balance.js';
import { briefingsSection } from './briefings.js';
import { capacitySection } from './capacity.js';
import { claimsSection } from './claims.js';
import { factsSection } from './facts.js';
import { forecastsSection } from './forecasts.js';
import { fragmentationSection } from './fragmentation.js';
import { organizationSection } from './organization.js';
import { reformSection } from './reform.js';
import { sweepsSection } from './sweeps.js';
import { timelineSection } from './timeline.js';

export const SECTIONS: readonly ReportSection[] = [
  organizationSection,
  timelineSection,
  factsSection,
  claimsSection,
  capacitySection,
  reformSection,
  forecastsSection,
  sweepsSection,
  balanceSection,
  alignmentSection,
  fragmentationSection,
  briefingsSection,
];
