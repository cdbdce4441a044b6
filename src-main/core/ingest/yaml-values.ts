// A YAML file as plain values, for readers that report problems instead of throwing. yaml's
// toJS() throws a ReferenceError on an alias whose anchor is missing (`ref: *a` before `&a`, or
// a file cut mid-write) and on alias bombs ("billion laughs"); the fuzz suite found dvc.lock
// and W&B config readers letting those escape. Here they are a reason like any syntax error, as
// is an anchor that holds an alias to itself (`a: &a {x: *a}`): toJS() builds a value containing
// itself, which no tool writes and which readers that walk or serialise it cannot end.
import { parseDocument, type Document } from 'yaml';

export type YamlValues = { doc: Document; value: unknown } | { problem: string };

export function readYamlValues(text: string): YamlValues {
  // Duplicate keys are allowed, the last one winning, as PyYAML (which writes these files) does.
  const doc = parseDocument(text, { logLevel: 'silent', uniqueKeys: false });
  if (doc.errors.length > 0) return { problem: `not valid YAML: ${doc.errors[0]!.message.split('\n')[0]}` };
  try {
    const value: unknown = doc.toJS();
    // Throws "Converting circular structure to JSON" for a value that contains itself.
    JSON.stringify(value);
    return { doc, value };
  } catch (e) {
    return { problem: `not valid YAML: ${e instanceof Error ? e.message : String(e)}` };
  }
}
