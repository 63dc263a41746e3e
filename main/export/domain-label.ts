import punycode from 'punycode.js';

/** A DNS name as people read it (Unicode) and as DNS stores it (ASCII, punycode). */
export interface DomainLabel {
  unicode: string;
  ascii: string;
  /** True when the two differ: an international name (IDN). */
  international: boolean;
}

/** The Unicode and ASCII forms of a DNS name given in either form. */
export function domainLabel(name: string): DomainLabel {
  const bare = name.trim().replace(/\.+$/, '');
  let ascii = bare.toLowerCase();
  let unicode = bare;
  try {
    ascii = punycode.toASCII(bare.normalize('NFC').toLowerCase());
    unicode = punycode.toUnicode(ascii);
  } catch {
    // A name punycode cannot convert is shown as given; the checker reports it (domain.valid).
  }
  return { unicode, ascii, international: unicode !== ascii };
}

/** "пример.рф (xn--e1afmkfd.xn--p1ai)" for an IDN, the plain name otherwise. */
export function domainText(label: DomainLabel): string {
  return label.international ? `${label.unicode} (${label.ascii})` : label.ascii;
}
