// Alert rules: the built-in ones (every experiment) and the user rules of the experiment the
// Alerts page shows (all experiments' when none is picked). Saving answers with the core's
// message so the form can show it beside the fields.
import { create } from 'zustand';
import type { AlertRule } from '../../../src-shared/alerts';
import type { Input } from '../../../src-shared/contract';
import { api } from '../api/client';
import { errorMessage } from '../api/api-errors';

export type RuleInput = Input<'saveAlertRule'>;

interface AlertRulesState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  /** The experiment the user rules are listed for; null: all. */
  experiment: string | null;
  rules: AlertRule[];
  error: string | null;
  load: (experiment: string | null) => Promise<void>;
  /** The core's message when it refuses the rule, else null. */
  save: (rule: RuleInput) => Promise<string | null>;
  remove: (id: string) => Promise<string | null>;
}

export function isBuiltin(rule: AlertRule): boolean {
  return rule.id.startsWith('builtin:');
}

export const useAlertRulesStore = create<AlertRulesState>()((set, get) => ({
  status: 'idle',
  experiment: null,
  rules: [],
  error: null,

  load: async (experiment) => {
    set((s) => ({ experiment, status: s.status === 'ready' && s.experiment === experiment ? 'ready' : 'loading' }));
    try {
      const { rules } = await api.listAlertRules(experiment ? { experiment } : {});
      // Another experiment picked while this one loaded: its answer is the one to keep.
      if (get().experiment === experiment) set({ status: 'ready', rules, error: null });
    } catch (error) {
      if (get().experiment === experiment) set({ status: 'error', error: errorMessage(error) });
    }
  },

  save: async (input) => {
    try {
      const { rule } = await api.saveAlertRule(input);
      set((s) => {
        const shown = isBuiltin(rule) || s.experiment === null || rule.experiment === s.experiment;
        const others = s.rules.filter((r) => r.id !== rule.id);
        if (!shown) return { rules: others };
        const at = s.rules.findIndex((r) => r.id === rule.id);
        return { rules: at < 0 ? [...others, rule] : s.rules.map((r) => (r.id === rule.id ? rule : r)) };
      });
      return null;
    } catch (error) {
      return errorMessage(error);
    }
  },

  remove: async (id) => {
    try {
      await api.deleteAlertRule({ id });
      set((s) => ({ rules: s.rules.filter((r) => r.id !== id) }));
      return null;
    } catch (error) {
      return errorMessage(error);
    }
  },
}));
