// A report as JSON: the ReportData plus one `generatedAt` field, the only part that changes
// between two exports of the same comparison.
import type { ReportData } from './report-data';

export function reportJson(data: ReportData, generatedAt: Date): string {
  return `${JSON.stringify({ generatedAt: generatedAt.toISOString(), ...data }, null, 2)}\n`;
}
