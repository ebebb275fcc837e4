// Parses connect.yaml with commercetools' own parser (@commercetools-connect/specification).
// Exit 0 and one line per app when valid; exit 1 and one line per problem otherwise.
import fs from 'node:fs';
import { ConnectorSpecificationParser } from '@commercetools-connect/specification';

const file = process.argv[2] ?? 'connect.yaml';
try {
  const spec = await new ConnectorSpecificationParser().parse(fs.readFileSync(file, 'utf8'));
  console.log('valid:', spec.deployAs.map((a) => `${a.name}(${a.applicationType})`).join(', '));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
