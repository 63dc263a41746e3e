/** A term the wizard explains the first time it uses it. */
export interface TermEntry {
  /** How the term is written in the text. */
  label: string;
  /** One or two plain sentences. */
  text: string;
}

/**
 * The glossary: every technical word the wizard uses, in plain language. The wizard explains
 * them in place (the Term component); the PDF lists the ones its pages use.
 */
export const TERMS = {
  dns: {
    label: 'DNS',
    text: 'The internet\'s address book. Your DNS host keeps your domain\'s "records": short entries that tell other computers where your website and mail server are.',
  },
  a: {
    label: 'A record',
    text: 'A record that gives a name (like mail.example.com) its IPv4 address. AAAA does the same for an IPv6 address.',
  },
  mx: {
    label: 'MX',
    text: 'Mail exchanger: the record that tells other mail servers which server receives mail for your domain.',
  },
  spf: {
    label: 'SPF',
    text: 'Sender Policy Framework: a TXT record listing the servers allowed to send mail for your domain, so receivers can spot forged mail.',
  },
  dkim: {
    label: 'DKIM',
    text: 'DomainKeys Identified Mail: your server signs every message with a private key; receivers check the signature with the public key you publish in DNS.',
  },
  dmarc: {
    label: 'DMARC',
    text: 'A TXT record that tells receivers what to do with mail that fails SPF and DKIM (nothing, spam folder, or reject), and where to send reports.',
  },
  ptr: {
    label: 'PTR',
    text: "Reverse DNS: the record that turns your server's IP address back into its name. Only the owner of the address (your VPS host) can set it.",
  },
  ttl: {
    label: 'TTL',
    text: 'Time to live: how many seconds other computers may remember a record before asking again. 3600 means one hour.',
  },
  txt: {
    label: 'TXT',
    text: 'A record that holds text. SPF, DKIM and DMARC are all TXT records.',
  },
  selector: {
    label: 'selector',
    text: 'The name of a DKIM key (like "default" or "mail"). It is written in every signature, so receivers know which key to look up; it must match your mail software\'s setting.',
  },
  port25: {
    label: 'port 25',
    text: 'The door mail servers use to deliver mail to each other. Many VPS hosts keep it closed for outgoing mail on new accounts to stop spam, until you ask.',
  },
  vps: {
    label: 'VPS host',
    text: 'The company that rents you the server (a virtual private server): DigitalOcean, Hetzner, OVH…',
  },
  nameserver: {
    label: 'nameservers',
    text: "The servers that answer for your domain's DNS records. Their names show which company hosts your DNS.",
  },
  zonefile: {
    label: 'zone file',
    text: 'A text file listing DNS records in a standard format (BIND). Some DNS hosts can import it, which saves typing each record.',
  },
  mtasts: {
    label: 'MTA-STS',
    text: 'Mail Transfer Agent Strict Transport Security: a small file on a web address of your domain that tells other mail servers to deliver to you only over an encrypted connection to a server with a valid certificate.',
  },
  tlsrpt: {
    label: 'TLS-RPT',
    text: 'SMTP TLS Reporting: other mail servers send you a daily report of connections to your server that could not be encrypted. It tells you about trouble before MTA-STS or DANE would block anyone.',
  },
  dnssec: {
    label: 'DNSSEC',
    text: 'DNS Security Extensions: your DNS host signs your records so nobody can forge the answers on the way. It is switched on at the DNS host, and finished with a DS record at your registrar.',
  },
  ds: {
    label: 'DS record',
    text: 'Delegation Signer: a short record your registrar (where you bought the domain) publishes, naming the key your DNS host signs with. Without it, nobody can check the signatures.',
  },
  dane: {
    label: 'DANE',
    text: "DNS-based Authentication of Named Entities: a TLSA record in your signed zone names your mail server's key, so other servers accept an encrypted connection only to that key. It needs DNSSEC.",
  },
  caa: {
    label: 'CAA',
    text: "Certification Authority Authorization: a record that lists which certificate authorities (such as Let's Encrypt) may issue certificates for your domain.",
  },
  permerror: {
    label: 'permerror',
    text: 'A "permanent error": the record is broken (two SPF records, a typo, too many look-ups), so receivers ignore it as if it were not there.',
  },
  helo: {
    label: 'HELO',
    text: "The name your mail server says when it greets another mail server (HELO or EHLO). Receivers compare it with the server's reverse DNS and SPF.",
  },
  starttls: {
    label: 'STARTTLS',
    text: 'The command that switches a mail connection to encryption. Without it, mail travels between servers as readable text.',
  },
  softfail: {
    label: '~all',
    text: 'The end of an SPF record that says "mail from other servers is suspicious, but do not refuse it". The stricter "-all" says "refuse it".',
  },
  pnone: {
    label: 'p=none',
    text: 'A DMARC policy that only asks for reports: failing mail is still delivered. The next steps are p=quarantine (spam folder) and p=reject.',
  },
} satisfies Record<string, TermEntry>;

/** A glossary key. */
export type TermId = keyof typeof TERMS;
