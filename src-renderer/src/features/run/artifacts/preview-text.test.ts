import { describe, expect, it } from 'vitest';
import { previewText } from './preview-text';

describe('previewText', () => {
  it('pretty-prints JSON that parses', () => {
    expect(previewText('config/params.json', '{"lr":0.1,"layers":[1,2]}', false)).toEqual({
      text: '{\n  "lr": 0.1,\n  "layers": [\n    1,\n    2\n  ]\n}',
      pretty: true,
    });
  });
  it('keeps YAML, broken JSON and truncated files as written', () => {
    expect(previewText('MLmodel', 'flavors:\n  python_function: {}\n', false).pretty).toBe(false);
    expect(previewText('a.json', '{"lr": NaN}', false)).toEqual({ text: '{"lr": NaN}', pretty: false });
    expect(previewText('a.json', '{"lr": 1}', true).pretty).toBe(false);
  });
});
