import type { NewPoint } from '../../store/metric-point';
import type { Store } from '../../store/store';
import { ProtobufError } from '../../ingest/binary/protobuf-reader';
import { EventDecoder, type EventSink } from '../../ingest/tensorboard/event-decoder';
import { readRecords } from '../../ingest/tensorboard/tfrecord';
import type { SliceParser } from '../tail-file';

const MAX_REPORTED = 5;

/**
 * A SliceParser for one event file: whole TFRecords in, scalar points out, and the hparams the
 * slice carried set as run params in the slice's transaction. One per file: the decoder
 * remembers what plugin each tag of the file belongs to. `onParams` is called when a slice's
 * transaction sets params, so the caller can announce the run.
 */
export function eventFileParser(store: Store, runId: string, file: string, onParams: () => void): SliceParser {
  const decoder = new EventDecoder();
  /** A record too long for a slice, skipped a slice at a time: its start and end. */
  let skipFrom = 0;
  let skipTo = 0;
  return (bytes, baseOffset, full, problems) => {
    if (baseOffset > skipFrom && baseOffset < skipTo) return { consumed: Math.min(skipTo - baseOffset, bytes.length), points: [] };
    const points: NewPoint[] = [];
    let params: Record<string, string> | null = null;
    let badEvents = 0;
    const sink: EventSink = {
      scalar: (key, value, step, wallTime) => points.push({ key, value, step, timestamp: Math.round(wallTime * 1000) }),
      hparams: (p) => (params = { ...params, ...p }),
      unreadable: (tag) => problems.push(`${file}: tag '${tag}' is a scalar of a dtype or shape Runlens does not read; its values are skipped`),
    };
    const framing = readRecords(
      // A plain view: subarrays of a Buffer are Buffers, several times dearer to make.
      new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length),
      baseOffset,
      (buf, start, end, at) => {
        const mark = points.length;
        try {
          decoder.decode(buf, start, end, sink);
        } catch (e) {
          if (!(e instanceof ProtobufError)) throw e;
          // An event whose CRC holds but whose protobuf does not: keep none of it.
          points.length = mark;
          if (++badEvents <= MAX_REPORTED) problems.push(`${file}: malformed event at byte ${at} (${e.message}); skipped`);
        }
      },
      problems,
      file,
    );
    if (badEvents > MAX_REPORTED) problems.push(`${file}: ${badEvents - MAX_REPORTED} more malformed events skipped`);
    if (framing.consumed === 0 && full && framing.need !== undefined) {
      // Longer than a whole slice (megabytes): an image or a graph, never a scalar, so it is
      // skipped unread rather than reported. A restart in the middle of one resynchronises.
      skipFrom = baseOffset;
      skipTo = baseOffset + framing.need;
      return { consumed: bytes.length, points: [] };
    }
    const found: Record<string, string> | null = params;
    const apply =
      found === null
        ? undefined
        : () => {
            for (const key of store.runs.paramConflicts(runId, found)) {
              problems.push(`${file}: hparam '${key}' changed value; the first value is kept`);
              delete found[key];
            }
            store.runs.setParams(runId, found);
            onParams();
          };
    return { consumed: framing.consumed, points, apply };
  };
}
