import { create } from 'zustand';
import { onSessionEnd } from './session-end';

/**
 * The language model the core has loaded, by folder (null: none). The model
 * manager writes it; the visit starts its session again when it changes (a
 * model loaded mid-visit brings the chat in), without importing the manager.
 */
export const useActiveModel = create<{ readonly active: string | null }>()(() => ({ active: null }));

onSessionEnd(() => useActiveModel.setState({ active: null }));
