import type { SandboxClient } from './internal/platform.js';

/**
 * The demo SP registered in a standalone sandbox (and what the reference server's `npm start` can use): its return
 * and SP-API URLs are the reference server's on 127.0.0.1:8080. Test keys, public on purpose.
 */
export const DEMO_CLIENT: SandboxClient = {
  clientId: 'CLI.formosademo',
  name: 'Formosa 示範機關 (demo agency)',
  clientSecret: 'FormosaDemo16chr',
  cbcIv: 'FormosaDemoIV16b',
  returnUrl: 'http://127.0.0.1:8080/api/mydata/return',
  spApiUrl: 'http://127.0.0.1:8080/api/mydata/notify',
  resources: ['API.UDauDOLyZg', 'API.7QovE2Gev6', 'API.AbAYGIjoYw', 'API.nyhnLM1fve', 'API.syWqjr4flJ', 'API.UZQkKbsOpz', 'API.idPhotoRev', 'API.Mo23SDWhsn'],
};
