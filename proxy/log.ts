/**
 * The proxy's printed lines go through one logger that blanks every secret it was told about
 * (the client secret, each access token issued), so a token never reaches a terminal or a log file
 * even if an error message from a library happened to quote it.
 */

export type LogSink = (line: string) => void;

export interface Logger {
  info: (line: string) => void;
  error: (line: string) => void;
  /** Only with `verbose`: one line per request. */
  request: (line: string) => void;
  /** Text that must never be printed (or answered) from now on: the client secret, a fixed token. */
  addSecret: (secret: string) => void;
  /** An access token from IMS (the most recent ones are remembered). */
  addToken: (token: string) => void;
  /** `text` with every known secret replaced by `[redacted]`. */
  redact: (text: string) => string;
}

/** Tokens kept for redaction: enough for any realistic run (one per expiry), bounded all the same. */
const MAX_TOKENS = 64;

export function createLogger(options: { info?: LogSink; error?: LogSink; verbose?: boolean } = {}): Logger {
  const secrets: string[] = [];
  const tokens: string[] = [];
  const info = options.info ?? ((line: string) => console.log(line));
  const error = options.error ?? ((line: string) => console.error(line));
  // Short values would blank ordinary words; real secrets and tokens are long.
  const worthHiding = (value: string) => value.length >= 8;
  const redact = (text: string) => [...secrets, ...tokens].reduce((out, secret) => out.split(secret).join('[redacted]'), text);
  return {
    info: (line) => info(redact(line)),
    error: (line) => error(redact(line)),
    request: (line) => {
      if (options.verbose) info(redact(line));
    },
    addSecret: (secret) => {
      if (worthHiding(secret) && !secrets.includes(secret)) secrets.push(secret);
    },
    addToken: (token) => {
      if (!worthHiding(token) || tokens.includes(token)) return;
      tokens.push(token);
      if (tokens.length > MAX_TOKENS) tokens.shift();
    },
    redact,
  };
}
