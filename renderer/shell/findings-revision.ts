import { create } from 'zustand';

/**
 * A counter bumped whenever a finding is proposed or decided anywhere (the
 * X-ray viewer, the photo workbench, the findings list), so that every view
 * listing a patient's findings reads them again instead of showing a stale list.
 */
export const useFindingsRevision = create<{ readonly revision: number; changed(): void }>()((set) => ({
  revision: 0,
  changed: () => set((s) => ({ revision: s.revision + 1 })),
}));
