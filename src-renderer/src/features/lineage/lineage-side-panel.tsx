// Details of the focused node and what to do next. Dataset versions come from the datasets
// store (the same data the dataset page shows), runs from the runs list.
import { useEffect, type ReactNode } from 'react';
import type { DatasetVersion, LineageNode } from '../../../../src-shared/domain';
import { CopyButton } from '../../components/copy-button';
import { NewerDataBadge } from '../../components/newer-data-badge';
import { RunSwatch } from '../../components/run-swatch';
import { StatusBadge } from '../../components/status-badge';
import { formatBytes, formatCount, formatDateTime } from '../../../../src-shared/format';
import { compareRoute, navigate, routeHref } from '../../lib/hash-router';
import { useDatasetsStore } from '../../stores/datasets-store';
import { useLineageStore } from '../../stores/lineage-store';
import { useRunsStore } from '../../stores/runs-store';
import { promoteModel } from '../promotion/promote-model-button';
import { runsUsingDataset } from './lineage-graph';
import { modelDetail } from './lineage-nodes';

const KIND_TITLES: Record<LineageNode['kind'], string> = { dataset: 'Dataset', artifact: 'Artifact', run: 'Run', model: 'Model' };

export function LineageSidePanel({ node, onClose }: { node: LineageNode; onClose: () => void }) {
  return (
    <aside className="lineage-panel" data-testid="lineage-panel" data-node-id={node.id} aria-label={`${KIND_TITLES[node.kind]} ${node.label}`}>
      <header className="lineage-panel__head">
        <span className="section-title">{KIND_TITLES[node.kind]}</span>
        <button type="button" className="quiet" onClick={onClose} aria-label="Close the panel" title="Close (Esc)" data-testid="lineage-panel-close">
          ✕
        </button>
      </header>
      <h2 className="lineage-panel__title" title={node.label}>
        {node.kind === 'run' && node.runId && <RunSwatch runId={node.runId} size={12} />}
        {node.label}
      </h2>
      {node.newerDataAvailable && <NewerDataBadge testId="lineage-panel-newer-data" />}
      {node.kind === 'dataset' || node.kind === 'artifact' ? <DatasetDetails node={node} /> : null}
      {node.kind === 'run' && <RunDetails node={node} />}
      {node.kind === 'model' && <ModelDetails node={node} />}
    </aside>
  );
}

function Field({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </>
  );
}

function DatasetDetails({ node }: { node: LineageNode }) {
  const name = node.datasetName ?? node.label;
  const entry = useDatasetsStore((s) => s.byName[name]);
  const graph = useLineageStore((s) => s.graph);
  useEffect(() => {
    useDatasetsStore.getState().request(name);
    return () => useDatasetsStore.getState().forget(name);
  }, [name]);

  const versionId = Number(node.id.slice('dataset:'.length));
  const versions = entry?.versions ?? [];
  const index = versions.findIndex((v) => v.id === versionId);
  const version: DatasetVersion | undefined = versions[index];
  const runs = runsUsingDataset(graph, name);
  const producer = graph.edges.find((e) => e.kind === 'output' && e.to === node.id)?.from;

  return (
    <>
      {node.newerVersion && <NewerDataBadge kind="version" testId="lineage-panel-newer-version" />}
      <dl className="lineage-panel__fields">
        <Field label="Version" testId="lineage-panel-version">
          {index >= 0 ? `${index + 1} of ${versions.length}` : node.version !== undefined ? `v${node.version}` : '…'}
        </Field>
        {version && (
          <>
            <Field label="Digest">
              <span className="lineage-panel__digest mono" title={version.digest}>
                {version.digest}
              </span>
              <CopyButton text={version.digest} testId="lineage-copy-digest" className="lineage-panel__copy" />
            </Field>
            <Field label="Rows">{version.rows === null ? '—' : formatCount(version.rows)}</Field>
            <Field label="Size">{version.sizeBytes === null ? '—' : formatBytes(version.sizeBytes)}</Field>
            <Field label="Format">{version.format ?? '—'}</Field>
            <Field label="Source">
              <span className="mono lineage-panel__wrap">{version.uri ?? version.source ?? '—'}</span>
            </Field>
            <Field label="First seen">{formatDateTime(version.createdAt)}</Field>
          </>
        )}
      </dl>
      {version?.columns && version.columns.length > 0 && (
        <section className="lineage-panel__columns">
          <h3 className="section-title">{formatCount(version.columns.length)} columns</h3>
          <ul data-testid="lineage-panel-columns">
            {version.columns.map((c) => (
              <li key={c.name}>
                <span className="mono">{c.name}</span> <span className="muted mono">{c.type}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {entry?.status === 'error' && <p className="muted">{entry.error}</p>}
      <div className="lineage-panel__actions">
        {node.kind === 'dataset' && (
          <>
            <button
              type="button"
              className="primary"
              disabled={runs.length < 2}
              title={runs.length < 2 ? `${runs.length === 0 ? 'No run' : 'Only one run'} used ${name}: a comparison needs two` : `Compare the ${runs.length} runs that used any version of ${name}`}
              onClick={() => navigate(compareRoute(runs))}
              data-testid="lineage-compare-runs"
            >
              Compare the {runs.length >= 2 ? `${formatCount(runs.length)} ` : ''}runs that used this dataset
            </button>
            {runs.length < 2 && (
              <p className="muted lineage-panel__reason" data-testid="lineage-compare-reason">
                {runs.length === 0 ? 'No run used it yet.' : 'Only one run used it; a comparison needs two.'}
              </p>
            )}
            <a className="button-link" href={routeHref({ page: 'dataset', name })} data-testid="lineage-open-dataset">
              Open dataset
            </a>
          </>
        )}
        {producer?.startsWith('run:') && (
          <a className="button-link" href={routeHref({ page: 'run', runId: producer.slice('run:'.length) })} data-testid="lineage-open-producer">
            Open the run that made it
          </a>
        )}
      </div>
    </>
  );
}

function useRun(runId: string | undefined) {
  const run = useRunsStore((s) => (runId ? s.byId[runId] : undefined));
  useEffect(() => {
    if (runId && !useRunsStore.getState().byId[runId]) void useRunsStore.getState().fetchRun(runId);
  }, [runId]);
  return run;
}

function RunDetails({ node }: { node: LineageNode }) {
  const run = useRun(node.runId);
  return (
    <>
      <dl className="lineage-panel__fields">
        {run ? (
          <>
            <Field label="Experiment">{run.experiment}</Field>
            <Field label="Status">
              <StatusBadge status={run.status} />
            </Field>
            <Field label="Started">{formatDateTime(run.startTime)}</Field>
            <Field label="Source">{run.sourceKind}</Field>
          </>
        ) : (
          <Field label="Details">{node.detail || '…'}</Field>
        )}
      </dl>
      <div className="lineage-panel__actions">
        {node.runId && (
          <a className="button-link button-link--primary" href={routeHref({ page: 'run', runId: node.runId })} data-testid="lineage-open-run">
            Open run
          </a>
        )}
      </div>
    </>
  );
}

function ModelDetails({ node }: { node: LineageNode }) {
  const run = useRun(node.runId);
  return (
    <>
      <dl className="lineage-panel__fields">
        <Field label="Source run">
          {node.runId ? (
            <a href={routeHref({ page: 'run', runId: node.runId })} data-testid="lineage-model-run">
              {run?.name ?? node.runId.slice(0, 8)}
            </a>
          ) : (
            '—'
          )}
        </Field>
        {node.detail && <Field label="Status">{modelDetail(node.detail)}</Field>}
        {node.modelId && (
          <Field label="Model id">
            <span className="mono lineage-panel__wrap">{node.modelId}</span>
          </Field>
        )}
      </dl>
      <div className="lineage-panel__actions">
        {node.runId && node.modelId && (
          <button type="button" className="primary" onClick={() => node.runId && node.modelId && promoteModel(node.runId, { id: node.modelId, name: node.label })} data-testid="lineage-promote-model">
            Promote model…
          </button>
        )}
        {node.runId && (
          <a className="button-link" href={routeHref({ page: 'run', runId: node.runId })} data-testid="lineage-open-model" title="The model is listed on its run's page, under Models">
            Open model
          </a>
        )}
      </div>
    </>
  );
}
