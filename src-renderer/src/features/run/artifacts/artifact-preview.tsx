import { useEffect, useState } from 'react';
import type { ArtifactEntry, ArtifactPreview as Preview } from '../../../../../src-shared/domain';
import { ApiError } from '../../../../../src-shared/errors';
import { LIMITS } from '../../../../../src-shared/limits';
import { api } from '../../../api/client';
import { errorMessage } from '../../../api/api-errors';
import { Spinner } from '../../../components/skeleton';
import { formatBytes } from '../../../../../src-shared/format';
import { previewText } from './preview-text';

type PreviewState =
  | { kind: 'loading' }
  | { kind: 'ready'; preview: Preview }
  /** The core refuses to preview binary files and oversized images with INVALID_PARAMETER_VALUE. */
  | { kind: 'unpreviewable'; reason: string }
  | { kind: 'error'; message: string };

function usePreview(runId: string, modelId: string | undefined, path: string, size: number | undefined): PreviewState {
  const [state, setState] = useState<PreviewState>({ kind: 'loading' });
  // Keyed on the size too: a file rewritten while shown is fetched again when its listing changes.
  useEffect(() => {
    let current = true;
    setState({ kind: 'loading' });
    api
      .previewArtifact({ id: runId, path, ...(modelId ? { modelId } : {}) })
      .then((preview) => current && setState({ kind: 'ready', preview }))
      .catch((error: unknown) => {
        if (!current) return;
        if (error instanceof ApiError && error.code === 'INVALID_PARAMETER_VALUE') setState({ kind: 'unpreviewable', reason: error.message });
        else setState({ kind: 'error', message: errorMessage(error) });
      });
    return () => {
      current = false;
    };
  }, [runId, modelId, path, size]);
  return state;
}

function PreviewBody({ state, entry }: { state: PreviewState; entry: ArtifactEntry }) {
  switch (state.kind) {
    case 'loading':
      return (
        <div className="artifact-preview__note">
          <Spinner />
        </div>
      );
    case 'error':
      return <p className="artifact-preview__note artifact-preview__note--error">{state.message}</p>;
    case 'unpreviewable':
      return (
        <p className="artifact-preview__note muted" data-testid="artifact-preview-binary">
          {/binary file/i.test(state.reason) ? 'Binary file' : 'No preview'}
          {entry.size === undefined ? '' : ` · ${formatBytes(entry.size)}`}
          {/binary file/i.test(state.reason) ? '' : ` — ${state.reason}`}
        </p>
      );
    case 'ready': {
      const { preview } = state;
      if (preview.encoding === 'base64') {
        return (
          <div className="artifact-preview__image">
            <img src={`data:${preview.mediaType};base64,${preview.content}`} alt={preview.path} data-testid="artifact-preview-image" />
          </div>
        );
      }
      const { text, pretty } = previewText(preview.path, preview.content, preview.truncated);
      return (
        <>
          {preview.truncated && (
            <p className="artifact-preview__truncated muted" data-testid="artifact-preview-truncated">
              Showing the first {formatBytes(LIMITS.previewBytes)} of {formatBytes(preview.size)}
            </p>
          )}
          <pre className="artifact-preview__text" data-testid="artifact-preview-text" data-pretty={pretty || undefined} tabIndex={0}>
            {text}
          </pre>
        </>
      );
    }
  }
}

/** The selected file: text in monospace, images inline, binary files by their size. */
export function ArtifactPreview({ runId, modelId, entry }: { runId: string; modelId?: string; entry: ArtifactEntry }) {
  const state = usePreview(runId, modelId, entry.path, entry.size);
  return (
    <div className="artifact-preview" data-testid="artifact-preview" data-path={entry.path}>
      <div className="artifact-preview__head">
        <span className="mono artifact-preview__path" title={entry.path}>
          {entry.path}
        </span>
        {entry.size !== undefined && <span className="muted num">{formatBytes(entry.size)}</span>}
      </div>
      <PreviewBody state={state} entry={entry} />
    </div>
  );
}
