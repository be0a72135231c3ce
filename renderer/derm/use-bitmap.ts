import { useEffect, useState } from 'react';
import { errorMessage } from '../api/client';

/** Loads a bitmap for the given key (a photo or a frame), dropping answers for a key no longer wanted. */
export function useBitmap(key: string | null, load: () => Promise<ImageBitmap>): { bitmap: ImageBitmap | null; error: string | null } {
  const [state, setState] = useState<{ key: string | null; bitmap: ImageBitmap | null; error: string | null }>({ key: null, bitmap: null, error: null });
  useEffect(() => {
    if (!key) return;
    let live = true;
    setState({ key, bitmap: null, error: null });
    load().then(
      (bitmap) => live && setState({ key, bitmap, error: null }),
      (e) => live && setState({ key, bitmap: null, error: `This image cannot be shown: ${errorMessage(e)}` }),
    );
    return () => {
      live = false;
    };
    // The key names what is loaded; load() is a fresh closure each render.
  }, [key]);
  return state.key === key ? { bitmap: state.bitmap, error: state.error } : { bitmap: null, error: null };
}
