// The run-store contract against a real PostgreSQL server. `npm run test:postgres` starts one
// (scripts/with-services.sh) and sets CONCORD_TEST_PG_URL.
import { openStore } from '../../src/store/open.js';
import { storeContract } from '../helpers/store-contract.js';

const url = process.env.CONCORD_TEST_PG_URL;
if (!url) throw new Error('CONCORD_TEST_PG_URL is not set: run `npm run test:postgres`');

storeContract('PostgreSQL', async () => {
  const s = await openStore(url);
  await s.db.deleteFrom('results').execute();
  await s.db.deleteFrom('batches').execute();
  await s.db.deleteFrom('runs').execute();
  return s;
});
