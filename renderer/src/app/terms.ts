/** A term the wizard explains the first time it uses it. */
export interface TermEntry {
  /** How the term is written in the text. */
  label: string;
  /** One or two plain sentences. */
  text: string;
}

/** The glossary: every technical word the wizard uses, in plain language. */
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
} satisfies Record<string, TermEntry>;

/** A glossary key. */
export type TermId = keyof typeof TERMS;
