// Text placed in SVG and HTML reports. One escaper for both: a label is attacker-free only in
// the sense that it came from a run's logger, so every piece of it is escaped, quotes included
// (labels also land in attribute values).

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe inside an XML/HTML element or a quoted attribute value. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/**
 * At most `max` characters (code points, so an emoji is not cut in half), the last one an
 * ellipsis when something was cut.
 */
export function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}
