// The state of a server's settings form (a registry, a team remote): the draft, why the core
// refused it last, and whether a save is out; Save sends the draft and either reports the refusal
// in the form or hands the saved draft on.
import { useState, type FormEvent } from 'react';

export function useSettingsForm<D extends object>(initial: D, save: (draft: D) => Promise<string | null>, onSaved: (draft: D) => void) {
  const [draft, setDraft] = useState<D>(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return {
    draft,
    error,
    busy,
    set: (field: keyof D, value: string) => setDraft((d) => ({ ...d, [field]: value })),
    dismissError: () => setError(null),
    submit: async (event: FormEvent) => {
      event.preventDefault();
      setBusy(true);
      const problem = await save(draft);
      setBusy(false);
      if (problem) setError(problem);
      else onSaved(draft);
    },
  };
}
