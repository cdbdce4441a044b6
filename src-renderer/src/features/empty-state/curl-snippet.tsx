import { CopyButton } from '../../components/copy-button';

/** A two-step curl example aimed at this very server, with its token when auth is on. */
export function curlSnippet(origin: string, token: string): string {
  const auth = token ? ` \\\n  -H 'Authorization: Bearer ${token}'` : '';
  const json = ` \\\n  -H 'Content-Type: application/json'`;
  return [
    '# 1. Create a run; the answer holds its id',
    `curl -s -X POST ${origin}/api/v1/runs${auth}${json} \\`,
    `  -d '{"experiment":"demo","name":"first-run","params":{"lr":"0.01"}}'`,
    '',
    '# 2. Log metrics to it (replace RUN_ID)',
    `curl -s -X POST ${origin}/api/v1/runs/RUN_ID/log${auth}${json} \\`,
    `  -d '{"metrics":[{"key":"loss","value":0.42,"step":1}]}'`,
  ].join('\n');
}

export function CurlSnippet({ origin, token }: { origin: string; token: string }) {
  const text = curlSnippet(origin, token);
  return (
    <div className="curl-snippet">
      <div className="curl-snippet__bar">
        <span className="section-title">Log a run over HTTP</span>
        <CopyButton text={text} testId="copy-curl" />
      </div>
      <pre data-testid="curl-snippet">{text}</pre>
    </div>
  );
}
