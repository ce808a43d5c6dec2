/**
 * @formosa/mydata — the service-provider side of Taiwan's MyData platform, for servers only (it holds the keys).
 */
export { createConnector } from './connector.js';
export { ResourceEncodingError } from './internal/resources.js';
export { DEFAULT_PROTOCOL, type Protocol } from './protocol.js';
export { RETURN_CODES, type ReturnCode, type ReturnKind } from './return-codes.js';
export {
  DEFAULT_LIMITS,
  DEFAULT_PULL,
  type Connector,
  type ConnectorDataset,
  type Limits,
  type MyDataConfig,
  type PullPolicy,
  type TxResult,
} from './types.js';
export * from './mapping/index.js';
