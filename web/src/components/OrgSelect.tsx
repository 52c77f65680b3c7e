import type { ReactNode } from 'react';
import { useOrgName } from '../names.js';

/** The pages' choice of organization: a labelled select over /api/orgs (the SCO alone until it answers). */
export function OrgSelect({
  label,
  value,
  onChange,
  organizations,
}: {
  label: ReactNode;
  value: string;
  onChange: (id: string) => void;
  organizations: ReadonlyArray<{ id: string; name?: string; shortName?: string }> | undefined;
}) {
  const orgName = useOrgName();
  return (
    <label>
      {label}{' '}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {(organizations ?? [{ id: 'sco' }]).map((o) => (
          <option key={o.id} value={o.id}>
            {orgName(o).name}
          </option>
        ))}
      </select>
    </label>
  );
}
