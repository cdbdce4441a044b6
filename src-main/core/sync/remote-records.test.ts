import { describe, expect, it } from 'vitest';
import { proxyPath } from './remote-records';

describe('proxyPath', () => {
  it("maps a run's mlflow-artifacts URI to its path under the artifact proxy", () => {
    expect(proxyPath('mlflow-artifacts:/3/abc/artifacts')).toBe('3/abc/artifacts');
    expect(proxyPath('mlflow-artifacts://tracking.example:5000/3/abc/artifacts/')).toBe('3/abc/artifacts');
  });

  it('answers null for stores the proxy does not serve', () => {
    expect(proxyPath('s3://bucket/3/abc/artifacts')).toBeNull();
    expect(proxyPath('/var/mlruns/3/abc/artifacts')).toBeNull();
    expect(proxyPath('')).toBeNull();
  });
});
