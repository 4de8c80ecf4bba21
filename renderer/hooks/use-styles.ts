import { useEffect, useState } from 'react';
import type { ComicApi, ModelSummary } from '../../app/api';
import type { ModelKind } from '../../app/stylize';

/** Kinds that turn a whole picture into a panel (InstaGAN needs masks, a segmenter makes them). */
const WHOLE_PICTURE_STYLES: readonly ModelKind[] = ['builtin', 'cartoongan', 'animegan', 'whitebox'];

/** The styles a user can pick now: installed generators, the built-in one first; or why they could not be read. */
export function useStyles(api: ComicApi): { styles: ModelSummary[]; error?: string } {
  const [state, setState] = useState<{ styles: ModelSummary[]; error?: string }>({ styles: [] });
  useEffect(() => {
    let live = true;
    api.listModels().then(
      (models) => {
        const styles = models
          .filter((m) => m.installed && WHOLE_PICTURE_STYLES.includes(m.kind))
          .sort((a, b) => Number(b.origin === 'bundled') - Number(a.origin === 'bundled'));
        if (live) setState({ styles });
      },
      (err: Error) => live && setState({ styles: [], error: err.message }),
    );
    return () => {
      live = false;
    };
  }, [api]);
  return state;
}
