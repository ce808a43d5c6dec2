// Run inside the agency's project: the reference server from @formosa/server serves the forms of argv[2] and the
// agency's own page and bundle (public/), under the server's strict Content-Security-Policy. Prints its URL.
import { startServer } from '@formosa/server';

const server = await startServer({ formsDir: process.argv[2], database: process.argv[3], staticDirs: [{ prefix: '/', dir: 'public' }] });
console.log(server.url);
process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));
