import nodemailer from 'nodemailer';

/** One e-mail, as the notifications write it. */
export interface MailMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
  headers?: Record<string, string>;
}

/** Sends e-mail; throws when the server refuses or cannot be reached (the queue retries). */
export interface MailTransport {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/**
 * An SMTP transport from a URL (`smtp://user:password@host:587`, `smtps://…`) through nodemailer, with its own
 * logging off and bounded waits. The URL (and the password in it) stays inside the transport.
 */
export function smtpTransport(smtpUrl: string): MailTransport {
  const transporter = nodemailer.createTransport({
    url: smtpUrl,
    logger: false,
    debug: false,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async send(message) {
      await transporter.sendMail(message);
    },
    close: () => transporter.close(),
  };
}
