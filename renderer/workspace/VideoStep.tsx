import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { VideoPicker } from '../components/VideoPicker';
import { AnalysisSettingsPanel } from './AnalysisSettingsPanel';
import type { AnalysisSettings } from './analysis-settings';
import type { VideoIntake } from './use-video-intake';

/**
 * The Video step, also the start screen: drop or open a video (or type its path, or take the sample), the analysis
 * settings, the analysis' progress, what stopped a project opening, and the recent projects.
 */
export function VideoStep(props: {
  intake: VideoIntake;
  path: string;
  onPath: (path: string) => void;
  sample: { make: () => void; making: boolean; error?: string };
  onAnalyse: () => void;
  busy: boolean;
  analysed: boolean;
  saved?: string;
  onOpenSaved: () => void;
  settings: AnalysisSettings;
  defaults?: AnalysisSettings;
  onSettings: (s: AnalysisSettings) => void;
  /** The analysis' progress. */
  job: ReactNode;
  problem: ReactNode;
  opening?: string;
  recent: ReactNode;
}) {
  const { t } = useTranslation();
  const { intake } = props;
  return (
    <div className="video-step">
      <div className="video-start">
        {props.problem}
        <section className="card intake">
          <div className="drop-hint">
            <p className="strong">{t('start.drop')}</p>
            <button type="button" className="primary" data-testid="choose-video" onClick={() => void intake.choose()}>
              {t('start.choose')}
            </button>
          </div>
          <VideoPicker
            path={props.path}
            onPath={props.onPath}
            onSample={props.sample.make}
            makingSample={props.sample.making}
            onAnalyse={props.onAnalyse}
            busy={props.busy}
            saved={props.saved}
            onOpenSaved={props.onOpenSaved}
            analysed={props.analysed}
          />
          {props.sample.error ? <p className="note bad">{t('start.sampleError', { error: props.sample.error })}</p> : null}
          {props.defaults ? <AnalysisSettingsPanel values={props.settings} defaults={props.defaults} onChange={props.onSettings} disabled={props.busy} /> : null}
        </section>
        {props.opening ? <p className="note" data-testid="opening">{t('start.opening', { dir: props.opening })}</p> : null}
        {props.job}
      </div>
      {props.recent}
    </div>
  );
}
