/** Colours shared by the report and the web lab. */

/** Colours by membership status, shared by the map, the timeline and the web lab (colour-blind safe). */
export const STATUS_COLOURS: Record<string, string> = {
  member: '#1f4e9c',
  observer: '#2a9d8f',
  'dialogue partner': '#8ecae6',
  partner: '#e9a03b',
  applicant: '#c77dba',
  none: '#e6e6e6',
};
