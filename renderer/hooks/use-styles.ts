import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComicApi, ModelSummary } from '../../app/api';
import type { ModelKind } from '../../app/stylize';

/** Kinds that turn a whole picture into a panel (InstaGAN needs masks, a segmenter makes them). */
const WHOLE_PICTURE_STYLES: readonly ModelKind[] = ['builtin', 'cartoongan', 'animegan', 'whitebox'];

export interface InstalledStyles {
  /** Whole-picture styles, the built-in one first. */
  styles: ModelSummary[];
  /** Instance-aware models that translate the people (InstaGAN). */
  instagan: ModelSummary[];
  /** The person segmenter, when installed: people can then be drawn apart. */
  segmenter?: ModelSummary;
  error?: string;
  /** Reads the list again (after an import): the chooser shows the new model without a reload. */
  reload: () => void;
}

/** The styles a user can pick now: installed generators, the built-in one first; or why they could not be read. */
export function useStyles(api: ComicApi): InstalledStyles {
  const { t, i18n } = useTranslation();
  const [state, setState] = useState<Omit<InstalledStyles, 'reload'>>({ styles: [], instagan: [] });
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  useEffect(() => {
    let live = true;
    api.listModels().then(
      (listed) => {
        // A model's name as the UI's language says it, where it has one (the built-in style's is words, not a name).
        const models = listed.map((m) => ({ ...m, name: t(`model.name.${m.id}`, { defaultValue: m.name }) }));
        const styles = models
          .filter((m) => m.installed && WHOLE_PICTURE_STYLES.includes(m.kind))
          .sort((a, b) => Number(b.origin === 'bundled') - Number(a.origin === 'bundled'));
        const installed = models.filter((m) => m.installed);
        // The one the app finds people with (services/stylize/plan.ts), not any segmentation model.
        const segmenter = installed.find((m) => m.id === 'deeplabv3-person');
        if (live) setState({ styles, instagan: installed.filter((m) => m.kind === 'instagan'), ...(segmenter ? { segmenter } : {}) });
      },
      (err: Error) => live && setState({ styles: [], instagan: [], error: err.message }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- t follows the language
  }, [api, generation, i18n.language]);
  return { ...state, reload };
}
