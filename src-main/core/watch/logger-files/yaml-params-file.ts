import { parseYamlParams } from '../../ingest/params/flatten-params';
import { errorText } from '../source';
import { readTextIfExists } from './file-reads';

/**
 * The params in a YAML file beside a run (Lightning's hparams.yaml, DVCLive's params.yaml); none
 * when it does not exist. Unreadable or invalid files are reported, and give no params.
 */
export async function readYamlParamsFile(file: string, problems: string[]): Promise<Record<string, string>> {
  let text: string | null;
  try {
    text = await readTextIfExists(file);
  } catch (e) {
    problems.push(`${file}: ${errorText(e)}`);
    return {};
  }
  if (text === null) return {};
  const read = parseYamlParams(text, file);
  problems.push(...read.problems);
  return read.params;
}
