const MASK = '[ẩn]';
const SECRET_KEY = /pass(word)?|secret|token|authorization|cookie|credential/i;

/**
 * Secrets kept out of the logs and crash reports. Known shapes are masked wherever they appear
 * (Basic and Bearer headers, user:password@ in URLs, password=… pairs); values that front doors
 * saw as secrets (a site password typed in) are masked word for word, also in the forms they take
 * on the wire (URL-encoded, JSON-escaped, Base64 inside a Basic header).
 */
export class SecretMask {
  private readonly known = new Set<string>();

  /** Remembers the secret-looking fields of a call input (password, token…), with the Basic header they make with a username. */
  rememberFrom(input: unknown): void {
    if (!input || typeof input !== 'object') return;
    const record = input as Record<string, unknown>;
    for (const [key, value] of Object.entries(record)) {
      if (typeof value !== 'string' || !SECRET_KEY.test(key) || value.length < 4) continue;
      this.remember(value);
      const user = record.username ?? record.user;
      if (typeof user === 'string') this.remember(Buffer.from(`${user}:${value}`).toString('base64'));
    }
  }

  remember(secret: string): void {
    if (secret.length < 4) return;
    for (const form of [secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)]) this.known.add(form);
  }

  text(value: string): string {
    let out = value
      .replace(/\b(Basic|Bearer)\s+[A-Za-z0-9+/=._~-]{6,}/g, `$1 ${MASK}`)
      .replace(/(\/\/)[^/\s:@]+:[^/\s@]+@/g, `$1${MASK}@`)
      .replace(/\b(password|passwd|pwd|token|secret)(["']?\s*[:=]\s*["']?)[^\s"'&,}]+/gi, `$1$2${MASK}`);
    // Longest first, so a secret that contains another is masked whole.
    for (const secret of [...this.known].sort((a, b) => b.length - a.length)) out = out.split(secret).join(MASK);
    return out;
  }

  /** A copy safe to write: strings masked, secret-named fields dropped, errors kept with their (masked) stack. */
  value(value: unknown, depth = 0): unknown {
    if (typeof value === 'string') return this.text(value);
    if (value instanceof Error) {
      const copy = new Error(this.text(value.message));
      copy.name = value.name;
      copy.stack = value.stack === undefined ? undefined : this.text(value.stack);
      return copy;
    }
    if (value === null || typeof value !== 'object' || depth > 5) return value;
    if (Array.isArray(value)) return value.map((item) => this.value(item, depth + 1));
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, SECRET_KEY.test(key) ? MASK : this.value(item, depth + 1)]),
    );
  }
}
