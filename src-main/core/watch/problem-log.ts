import type { SourceProblem } from '../../../src-shared/domain';

/** Files with a problem kept per watched root: enough for the UI's list, bounded for a bad folder. */
const MAX_PER_ROOT = 200;

/**
 * The problems under each watched root, the latest one per file. A pass that finds nothing new
 * says nothing about lines read before (tailing resumes after them), so entries stay until the
 * file reports a newer problem or the root is no longer watched.
 */
export class ProblemLog {
  private readonly byRoot = new Map<string, Map<string, SourceProblem>>();

  /** Records what ingesting `scope` (a unit, or the whole root after a scan) reported. */
  record(root: string, scope: string, problems: readonly string[], at: number): void {
    let files = this.byRoot.get(root);
    if (!files) this.byRoot.set(root, (files = new Map()));
    for (const p of problems) {
      const problem = parseProblem(p, scope, at);
      files.delete(problem.file);
      files.set(problem.file, problem);
      // Oldest first out: a Map iterates in insertion order.
      if (files.size > MAX_PER_ROOT) files.delete(files.keys().next().value!);
    }
  }

  list(root: string): SourceProblem[] {
    return [...(this.byRoot.get(root)?.values() ?? [])].reverse();
  }

  forget(root: string): void {
    this.byRoot.delete(root);
  }
}

/** Problems arrive as `<file>: <message>` from every source; a bare message belongs to its scope. */
function parseProblem(text: string, scope: string, at: number): SourceProblem {
  if (text.startsWith(scope)) {
    const colon = text.indexOf(': ', scope.length);
    if (colon >= 0) return { file: text.slice(0, colon), message: text.slice(colon + 2), at };
  }
  return { file: scope, message: text, at };
}
