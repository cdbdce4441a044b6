import { describe, expect, it } from 'vitest';
import { createSseParser, type SseMessage } from './sse-parser';

function parse(chunks: string[]): SseMessage[] {
  const messages: SseMessage[] = [];
  const parser = createSseParser((m) => messages.push(m));
  for (const chunk of chunks) parser.push(chunk);
  return messages;
}

describe('createSseParser', () => {
  it('dispatches on a blank line, with the event name', () => {
    expect(parse(['event: run.updated\ndata: {"a":1}\n\n'])).toEqual([{ event: 'run.updated', data: '{"a":1}' }]);
  });

  it('joins a message split across chunks, mid-line', () => {
    expect(parse(['event: points.app', 'ended\ndata: {"run', 'Id":"x"}\n', '\n'])).toEqual([
      { event: 'points.appended', data: '{"runId":"x"}' },
    ]);
  });

  it('ignores comments and retry, accepts CRLF, joins multi-line data', () => {
    expect(parse([': connected\r\nretry: 2000\r\n\r\ndata: a\r\ndata: b\r\n\r\n'])).toEqual([{ event: 'message', data: 'a\nb' }]);
  });

  it('holds an unterminated message back', () => {
    expect(parse(['event: x\ndata: 1\n'])).toEqual([]);
  });
});
