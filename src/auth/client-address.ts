// The client's address for throttling: the socket's peer, or, only behind proxies KITH_TRUSTED_PROXIES names, the
// nearest address in X-Forwarded-For that is not one of them. IPv6 clients are keyed by their /64, which one
// household or machine usually holds whole.
import { BlockList, isIP } from "node:net";

export class TrustedProxies {
  private readonly list = new BlockList();
  readonly empty: boolean;

  /** `entries`: IP addresses and CIDR ranges (e.g. 10.0.0.0/8, fd00::/8); throws on anything else. */
  constructor(readonly entries: string[]) {
    for (const entry of entries) {
      const [ip, prefix, ...rest] = entry.split("/");
      const family = isIP(ip);
      const bits = family === 4 ? 32 : 128;
      if (!family || rest.length || (prefix !== undefined && !(/^\d{1,3}$/.test(prefix) && Number(prefix) <= bits))) {
        throw new Error(`"${entry}" is not an IP address or CIDR range`);
      }
      const type = family === 4 ? "ipv4" : "ipv6";
      if (prefix === undefined) this.list.addAddress(ip, type);
      else this.list.addSubnet(ip, Number(prefix), type);
    }
    this.empty = entries.length === 0;
  }

  has(address: string): boolean {
    const family = isIP(address);
    return family !== 0 && this.list.check(address, family === 4 ? "ipv4" : "ipv6");
  }
}

/** 127.0.0.1 for ::ffff:127.0.0.1; the /64 of an IPv6 address; null for anything that is not an address. */
export function addressKey(raw: string | undefined | null): string | null {
  if (!raw) return null;
  const address = raw.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
  const family = isIP(address);
  if (family === 4) return address;
  if (family !== 6) return null;
  const [head, tail = ""] = address.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = address.includes("::") ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, "")).join(":")}::/64`;
}

/**
 * The client a request comes from. X-Forwarded-For is read right to left, past the trusted proxies only, so a client
 * cannot choose its own address by sending the header; without trusted proxies it is ignored.
 */
export function clientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trusted: TrustedProxies): string | null {
  let client = socketAddress?.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "") ?? null;
  if (!trusted.empty && client && trusted.has(client) && forwardedFor) {
    const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor).split(",").map((h) => h.trim());
    for (let i = hops.length - 1; i >= 0; i--) {
      const hop = hops[i].replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
      if (!isIP(hop)) break;
      client = hop;
      if (!trusted.has(hop)) break;
    }
  }
  return addressKey(client);
}
