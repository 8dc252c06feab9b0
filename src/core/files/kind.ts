/** The kinds of YAML file motiv reads, told apart by an explicit `kind:` or by their keys. */
export type FileKind = 'scheme' | 'tests' | 'scenario' | 'map';

export const FILE_KINDS: readonly FileKind[] = ['scheme', 'tests', 'scenario', 'map'];

/** each kind as messages name it */
export const KIND_NAMES: Record<FileKind, string> = {
  scheme: 'a scheme',
  tests: 'a test file',
  scenario: 'a scenario',
  map: 'a CRM export map',
};

export function detectKind(value: unknown): FileKind | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.kind === 'string' && (FILE_KINDS as readonly string[]).includes(v.kind)) return v.kind as FileKind;
  if ('cases' in v) return 'tests';
  if ('components' in v) return 'scheme';
  if ('response' in v || ('reps' in v && 'clients' in v)) return 'scenario';
  if ('tables' in v) return 'map';
  return undefined;
}
