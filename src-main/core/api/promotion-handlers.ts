// Model promotion through the contract: registries (secrets in, never out), gates, and the
// promotion flow, whose progress and end go out as events.
import type { Handlers } from '../../../src-shared/contract';
import type { Store } from '../store/store';
import type { PromotionService } from '../promotion/promotion-service';
import type { RegistrySettings } from '../promotion/registry-settings';

type PromotionMethods = 'listRegistries' | 'saveRegistry' | 'deleteRegistry' | 'getGate' | 'setGate' | 'checkGate' | 'promoteModel' | 'cancelPromotion' | 'listPromotions';

export function createPromotionHandlers(store: Store, registries: RegistrySettings, promotions: PromotionService): Pick<Handlers, PromotionMethods> {
  return {
    listRegistries: () => ({ registries: registries.list() }),
    saveRegistry: (input) => ({ registry: registries.save(input) }),
    deleteRegistry: ({ name }) => ({ removed: registries.remove(name) }),
    getGate: ({ registry, model }) => {
      registries.require(registry);
      return { rules: store.registries.gate(registry, model) };
    },
    setGate: ({ registry, model, rules }) => {
      registries.require(registry);
      return { rules: store.registries.setGate(registry, model, rules) };
    },
    checkGate: (target) => promotions.checkGate(target),
    promoteModel: async (input) => ({ record: (await promotions.start(input)).record }),
    cancelPromotion: ({ id }) => ({ cancelled: promotions.cancel(id) }),
    listPromotions: ({ runId }) => ({ promotions: promotions.list(runId) }),
  };
}
