// A workspace's admin sets its alert webhook, and the server, not the admin, makes the request:
// pointed at 169.254.169.254 or 127.0.0.1 it reached the cloud's metadata service and the
// machine's own ports (server-side request forgery). Workspace webhooks may only reach public
// addresses unless the operator says otherwise (ALLOW_PRIVATE_WEBHOOKS=true, for a relay inside
// the network). The instance's own ALERT_WEBHOOK_URL is the operator's choice and is not checked.
import { BlockList, isIP } from 'node:net';
import { lookup } from 'node:dns/promises';

const PRIVATE = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 3],
] as const) PRIVATE.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [['::', 127], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8]] as const) PRIVATE.addSubnet(net, bits, 'ipv6');

/** Loopback, private, link-local, carrier-grade NAT, multicast or unspecified (IPv4, IPv6, and IPv4 inside IPv6). */
export function isPrivateAddress(ip: string): boolean {
  const v = isIP(ip);
  if (v === 4) return PRIVATE.check(ip, 'ipv4');
  if (v !== 6) return true; // not an address: never a target
  const lower = ip.toLowerCase();
  // ::ffff:a.b.c.d and 64:ff9b::a.b.c.d name an IPv4 address: judge that one.
  const mapped = /^(?:::ffff:|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (mapped) return PRIVATE.check(mapped[1], 'ipv4');
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (hex) {
    const n = (parseInt(hex[1], 16) << 16) | parseInt(hex[2], 16);
    return PRIVATE.check([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.'), 'ipv4');
  }
  return PRIVATE.check(ip, 'ipv6');
}

export const PRIVATE_TARGET = 'points at a private, loopback or link-local address (an operator may allow that with ALLOW_PRIVATE_WEBHOOKS=true)';

/** Why a URL typed as a workspace webhook is refused before any lookup: a literal private address or localhost. */
export function literalTargetProblem(url: string): string | null {
  let host: string;
  try {
    host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return null; // the URL's own validation says what is wrong
  }
  if (/^localhost$|\.localhost$/i.test(host) || (isIP(host) && isPrivateAddress(host))) return PRIVATE_TARGET;
  return null;
}

/** Why this URL may not be posted to now: a host that resolves to a private address. (One that does not resolve is left to the request, which fails and is retried.) */
export async function targetProblem(url: string): Promise<string | null> {
  const literal = literalTargetProblem(url);
  if (literal) return literal;
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) return null;
  try {
    const addresses = await lookup(host, { all: true, verbatim: true });
    return addresses.some((a) => isPrivateAddress(a.address)) ? `its host resolves to a private address: it ${PRIVATE_TARGET}` : null;
  } catch {
    return null;
  }
}
