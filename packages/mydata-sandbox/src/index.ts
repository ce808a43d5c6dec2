export { startSandbox, SandboxRefusedError, type Sandbox, type SandboxOptions } from './sandbox.js';
export { DEMO_CLIENT } from './demo-client.js';
export type { SandboxClient } from './internal/platform.js';
export type { Fault, ReturnFaultCode, ZipBomb } from './internal/faults.js';
export { RETURN_FAULT_CODES, ZIP_BOMB } from './internal/faults.js';
export type { Persona, IdentityMethod } from './internal/personas.js';
export { PERSONAS } from './internal/personas.js';
export { SANDBOX_DATASETS, type SandboxDataset } from './internal/catalogue.js';
export { encryptForClient, decryptFromClient } from './internal/crypto.js';
