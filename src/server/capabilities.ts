/**
 * What this build's API serves (GET /api/health → capabilities). The lab reads it to decide which
 * pages are wired; a capability whose library is not in this build stays false, and its page says so.
 */
export const CAPABILITIES: Record<string, boolean> = {
  organizations: true,
  claims: true,
  balance: true,
  runs: true,
  power: true,
  forecasts: true,
  sweeps: true,
  alignment: true,
  rooms: true,
};
