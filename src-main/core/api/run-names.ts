// Friendly default names in MLflow's "adjective-animal-NNN" style, so unnamed runs stay
// tellable apart in a table.
const ADJECTIVES = ['amber', 'bold', 'brisk', 'calm', 'clever', 'crisp', 'eager', 'gentle', 'keen', 'lucid', 'merry', 'nimble', 'quiet', 'rapid', 'sunny', 'swift', 'tidy', 'vivid', 'wise', 'zesty'];
const ANIMALS = ['badger', 'crane', 'dolphin', 'falcon', 'fox', 'gecko', 'heron', 'ibex', 'koala', 'lynx', 'marten', 'newt', 'otter', 'panda', 'quail', 'raven', 'seal', 'tapir', 'vole', 'wren'];

export function randomRunName(rand: () => number = Math.random): string {
  const pick = (list: string[]) => list[Math.floor(rand() * list.length)]!;
  return `${pick(ADJECTIVES)}-${pick(ANIMALS)}-${Math.floor(rand() * 1000)}`;
}
