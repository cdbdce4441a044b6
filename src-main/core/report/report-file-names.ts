// Names of the files a report writes beside itself (chart-loss.svg, lineage-train.svg): safe on
// every file system and in a URL, stable for the same report, and never two alike.

/** Lower-case ASCII letters, digits and dashes; `val/loss@top-1` → `val-loss-top-1`. */
export function fileSlug(text: string, fallback: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // accents fall off their letters: `é` → `e`
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug.length > 0 ? slug : fallback;
}

/**
 * A namer handing out `<prefix>-<slug><ext>`, with `-2`, `-3`, … when keys slug alike (`val/loss`
 * and `val_loss`); the first comer keeps the plain name, so names follow the report's order.
 */
export function uniqueFileNames(): (prefix: string, text: string, ext: string) => string {
  const taken = new Set<string>();
  return (prefix, text, ext) => {
    const base = `${prefix}-${fileSlug(text, 'unnamed')}`;
    let name = `${base}${ext}`;
    for (let n = 2; taken.has(name); n++) name = `${base}-${n}${ext}`;
    taken.add(name);
    return name;
  };
}
