/**
 * Where a delivery may go. An agency's endpoint is configured by people and resolved by DNS, both of which can
 * point inside our own network (the cloud's metadata service, a database): private, loopback, link-local and other
 * special addresses are refused unless the operator allows them. The address checked is the one connected to
 * (pinned), so a name that resolves differently a moment later (DNS rebinding) cannot slip through.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

export interface DestinationPolicy {
  /** Allow private and loopback addresses (an agency's case system inside its own network; tests). */
  readonly allowPrivate?: boolean;
  /** Allow plain `http:` (only sensible with `allowPrivate`, inside a network the agency trusts). */
  readonly allowHttp?: boolean;
}

export type RefusalReason = 'scheme' | 'credentials' | 'unresolvable' | 'private';

export class DestinationRefused extends Error {
  constructor(
    readonly reason: RefusalReason,
    message: string,
  ) {
    super(message);
  }
}

export interface Destination {
  readonly url: URL;
  /** The address connected to: the one that was checked. */
  readonly address: string;
  readonly family: 4 | 6;
}

const SPECIAL = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15],
  ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) SPECIAL.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 128], ['::1', 128], ['64:ff9b::', 96], ['64:ff9b:1::', 48], ['100::', 64], ['2001::', 23], ['2001:db8::', 32],
  ['2002::', 16], ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8],
] as const) SPECIAL.addSubnet(net, bits, 'ipv6');

/** Whether an IP address is one on the public internet (IPv4-mapped IPv6 addresses are judged as IPv4). */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  return family !== 0 && !SPECIAL.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

type Lookup = (hostname: string) => Promise<readonly { address: string; family: number }[]>;
const systemLookup: Lookup = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/**
 * Checks a delivery URL against the policy and resolves it to the address to connect to. Every address the name
 * resolves to must pass (one private answer among public ones is refused: the connection could land on it).
 * @throws DestinationRefused with the reason, for the delivery log.
 */
export async function resolveDestination(target: string | URL, policy: DestinationPolicy = {}, lookup: Lookup = systemLookup): Promise<Destination> {
  const url = new URL(target);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && policy.allowHttp)) throw new DestinationRefused('scheme', `Deliveries go over https (not ${url.protocol})`);
  if (url.username || url.password) throw new DestinationRefused('credentials', 'A delivery URL carries no user name or password: the signature authenticates us');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let answers: readonly { address: string; family: number }[];
  try {
    answers = isIP(host) ? [{ address: host, family: isIP(host) }] : await lookup(host);
  } catch (error) {
    throw new DestinationRefused('unresolvable', `${host} could not be resolved (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (answers.length === 0) throw new DestinationRefused('unresolvable', `${host} has no address`);
  const inside = answers.find((a) => !isPublicAddress(a.address));
  if (inside && !policy.allowPrivate) throw new DestinationRefused('private', `${host} resolves to ${inside.address}, a private or special address (allow it with allowPrivate)`);
  const { address, family } = answers[0]!;
  return { url, address, family: family === 6 ? 6 : 4 };
}
