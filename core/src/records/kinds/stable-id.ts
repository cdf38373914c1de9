/**
 * A record id computed from text, the same on every PC: a UUID-shaped string from three 53-bit string
 * hashes (cyrb53 with three seeds). Records that must be one per cause (a reminder's receipt per user and
 * cause, a month's report remarks per subsystem) take it, so two PCs writing apart write the same record.
 * Not a secret and not a security boundary: a collision would only merge two such records.
 */
export function stableRecordId(text: string): string {
  const hex = (seed: number) => cyrb53(text, seed).toString(16).padStart(14, '0');
  const digits = `${hex(0x9e3779b1)}${hex(0x85ebca77)}${hex(0xc2b2ae3d)}`.slice(0, 32);
  // Version 4 and variant 10xx, so the id passes the UUID schema every record id is checked with.
  const variant = ((parseInt(digits.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${digits.slice(0, 8)}-${digits.slice(8, 12)}-4${digits.slice(13, 16)}-${variant}${digits.slice(17, 20)}-${digits.slice(20, 32)}`;
}

function cyrb53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
