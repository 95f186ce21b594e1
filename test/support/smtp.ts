/**
 * A real SMTP server in the test process (smtp-server) on a random loopback port, requiring a
 * user and password, that keeps every message it accepts.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A message as the server received it. */
export interface ReceivedMail {
  from: string;
  to: string[];
  /** The whole message source. */
  raw: string;
}

/** A running test SMTP server. */
export interface TestSmtp {
  port: number;
  user: string;
  password: string;
  messages: ReceivedMail[];
  close(): Promise<void>;
}

/** Starts a server that accepts `user`/`password` only. */
export async function startSmtp(user = 'reports', password = 'smtp-secret-7'): Promise<TestSmtp> {
  const messages: ReceivedMail[] = [];
  const server = new SMTPServer({
    // No TLS certificate here; plain SMTP with authentication on the loopback interface.
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === user && auth.password === password) callback(null, { user });
      else callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    user,
    password,
    messages,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The decoded attachments of a received message, by file name (base64 parts only). */
export function attachmentsOf(raw: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(raw)?.[1];
  if (!boundary) return files;
  for (const part of raw.split(`--${boundary}`)) {
    const [head = '', ...body] = part.split(/\r?\n\r?\n/);
    const name = /filename="?([^";\r\n]+)"?/i.exec(head.replace(/\r?\n\s+/g, ' '))?.[1];
    if (!name || !/content-transfer-encoding:\s*base64/i.test(head)) continue;
    files.set(name, Buffer.from(body.join('').replace(/\s+/g, ''), 'base64'));
  }
  return files;
}
