// Lineage node ids, as the contract names them: `dataset:<version id>`, `run:<id>`, `model:<id>`.
export const datasetNodeId = (id: number): string => `dataset:${id}`;
export const runNodeId = (id: string): string => `run:${id}`;
export const modelNodeId = (id: string): string => `model:${id}`;
