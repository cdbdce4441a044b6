// How TensorBoard groups event files into runs (tensorboard `backend/event_processing/
// io_wrapper.py`): every folder under the logdir holding a file whose name contains `tfevents` is
// one run, named by its path relative to the logdir; its files are read in name order.
import { createHash } from 'node:crypto';
import { basename, dirname, relative, sep } from 'node:path';

export function isEventFile(name: string): boolean {
  return name.includes('tfevents');
}

/**
 * A run's id: a hash of the format and the folder's absolute path, so ingesting again finds
 * the same run, and a run another logger also wrote in another format (Lightning's CSV beside
 * its TensorBoard files) stays a run of its own.
 */
export function runIdFor(dir: string): string {
  return createHash('sha256').update(`tensorboard\0${dir}`).digest('hex').slice(0, 32);
}

/**
 * Name and experiment of the run in `dir`, watched (or ingested) from `root`. As in TensorBoard,
 * the name is the folder's path relative to the root (`run_a/train`) and the experiment is the
 * root folder's name. Event files directly in the root are read as if its parent were the
 * root (named after the folder, experiment its parent's name), so `runlens ingest
 * lightning_logs/version_3` and `runlens ingest lightning_logs` agree.
 */
export function runIdentity(root: string, dir: string): { name: string; experiment: string } {
  const top = dir === root ? dirname(root) : root;
  return {
    name: relative(top, dir).split(sep).join('/') || dir,
    experiment: basename(top) || top,
  };
}
