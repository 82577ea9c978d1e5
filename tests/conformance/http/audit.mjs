// The graphql-http audit suite (serverAudits) against a running server.
//
//   node audit.mjs URL      e.g. node audit.mjs http://127.0.0.1:8000/graphql
//
// Prints each audit's outcome (ok, warn or error, its id and name, and the
// reason for anything but ok), then the counts. Exits 0 only when every
// audit is ok: no errors and no warnings.
import { serverAudits } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs URL');
  process.exit(2);
}

const counts = { ok: 0, warn: 0, error: 0 };
for (const audit of serverAudits({ url, fetchFn: fetch })) {
  const result = await audit.fn();
  counts[result.status] += 1;
  console.log(`${result.status.padEnd(5)} ${result.id} ${result.name}`);
  if (result.status !== 'ok') {
    console.log(`      ${result.reason}`);
  }
}
const total = counts.ok + counts.warn + counts.error;
console.log(`\n${total} audits: ${counts.ok} ok, ${counts.warn} warnings, ${counts.error} errors`);
process.exit(counts.ok === total ? 0 : 1);
