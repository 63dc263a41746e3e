import { getDnsHost } from './dns-hosts';
import { isKnown } from './provider-fact';

/**
 * Live check of what the user says they typed (or pasted) in their DNS host's Name field, to
 * catch the classic mistakes before the record is saved: the full name at a host that appends
 * the domain (mail.example.com.example.com), or a dot at the start or end.
 */

function bare(name: string): string {
  return name.trim().toLowerCase();
}

/** A plain-language problem with a typed Name field, or null when it looks right. */
export function nameFieldProblem(
  typed: string,
  expectedFullName: string,
  hostId: string,
  domain: string,
): string | null {
  const host = getDnsHost(hostId);
  const value = bare(typed);
  const zone = bare(domain).replace(/\.+$/, '');
  const full = bare(expectedFullName).replace(/\.+$/, '');
  if (value.startsWith('.')) return 'Remove the dot at the start of the name.';
  const rule = host.nameField;
  const relative = isKnown(rule);
  if (relative && value.endsWith('.')) {
    return `Remove the dot at the end of the name: ${host.name} adds .${zone} itself.`;
  }
  const withoutDot = value.replace(/\.+$/, '');
  if (relative && (withoutDot === zone || withoutDot.endsWith(`.${zone}`))) {
    const short = full === zone ? '@' : full.slice(0, -zone.length - 1);
    return `${host.name} adds .${zone} itself, so this would become ${withoutDot}.${zone}. Type only ${short}.`;
  }
  if (withoutDot.endsWith(`.${zone}.${zone}`)) {
    return `This name has your domain twice (${withoutDot}). Use ${full}.`;
  }
  return null;
}
