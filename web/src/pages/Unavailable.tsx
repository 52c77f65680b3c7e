/** Pages whose library is not in this build: they say so instead of pretending to work. */
import { NotInThisBuild } from '../components/Notice.js';
import { useTitle } from '../router.js';

export function UnavailablePage({ title, what }: { title: string; what: string }) {
  useTitle(title);
  return (
    <>
      <h1 tabIndex={-1}>{title}</h1>
      <NotInThisBuild what={what} />
    </>
  );
}
