/** Pages whose library is not in this build: they say so instead of pretending to work. */
import { NotInThisBuild } from '../components/Notice.js';
import { useTitle } from '../router.js';

export function UnavailablePage({ title, what, issue }: { title: string; what: string; issue: string }) {
  useTitle(title);
  return (
    <>
      <h1 tabIndex={-1}>{title}</h1>
      <NotInThisBuild what={what} issue={issue} />
    </>
  );
}
