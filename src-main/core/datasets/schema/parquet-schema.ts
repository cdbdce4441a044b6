import { asyncBufferFromFile, parquetMetadataAsync, parquetSchema, type SchemaTree } from 'hyparquet';
import { errorText, unreadable, type SchemaReading } from './schema-reading';

/** Columns and row count of a Parquet file from its footer metadata; no data page is read. */
export async function readParquetSchema(path: string): Promise<SchemaReading> {
  try {
    const metadata = await parquetMetadataAsync(await asyncBufferFromFile(path));
    const columns = parquetSchema(metadata).children.map((c) => ({ name: c.element.name, type: columnType(c) }));
    return { columns, rows: Number(metadata.num_rows), problem: null };
  } catch (e) {
    return unreadable(`not readable as Parquet: ${errorText(e)}`);
  }
}

/** The logical type when the file gives one, else the physical type (Parquet format, LogicalTypes.md). */
function columnType(node: SchemaTree): string {
  const { element: el } = node;
  const logical = el.logical_type;
  if (node.children.length > 0) {
    if (logical?.type === 'LIST' || el.converted_type === 'LIST') return 'list';
    if (logical?.type === 'MAP' || el.converted_type === 'MAP') return 'map';
    return 'struct';
  }
  if (logical) {
    switch (logical.type) {
      case 'STRING':
      case 'ENUM':
      case 'UUID':
        return 'string';
      case 'INTEGER':
        return `${logical.isSigned ? 'int' : 'uint'}${logical.bitWidth}`;
      case 'TIMESTAMP':
        return 'timestamp';
      default:
        return logical.type.toLowerCase();
    }
  }
  switch (el.converted_type) {
    case 'UTF8':
    case 'ENUM':
      return 'string';
    case 'TIMESTAMP_MILLIS':
    case 'TIMESTAMP_MICROS':
      return 'timestamp';
    case 'TIME_MILLIS':
    case 'TIME_MICROS':
      return 'time';
    case undefined:
      break;
    default:
      return el.converted_type.toLowerCase().replace('_', '');
  }
  switch (el.type) {
    case 'BOOLEAN':
      return 'bool';
    case 'INT96':
      // Spark's legacy timestamps.
      return 'timestamp';
    case 'BYTE_ARRAY':
    case 'FIXED_LEN_BYTE_ARRAY':
      return 'binary';
    default:
      return el.type?.toLowerCase() ?? 'unknown';
  }
}
