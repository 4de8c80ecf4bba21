import { useTranslation } from 'react-i18next';
import { STEP_IDS, type StepId } from './step-ids';
import type { WorkspaceActions } from './use-actions';

/** The steps of the work, always in view; each one a click (or Alt+number) away once there is a project. */
export function StepBar({ step, actions, badges }: { step: StepId; actions: WorkspaceActions; badges: Partial<Record<StepId, string>> }) {
  const { t } = useTranslation();
  return (
    <nav className="step-bar" aria-label={t('steps.label')}>
      <ol>
        {STEP_IDS.map((id, i) => {
          const a = actions.view(`step-${id}`);
          return (
            <li key={id}>
              <button type="button" data-testid={`step-${id}`} aria-current={step === id ? 'step' : undefined} disabled={!a.enabled} onClick={a.run} title={a.title}>
                <span className="step-number">{i + 1}</span>
                {t(`step.${id}`)}
                {badges[id] ? <span className="step-badge">{badges[id]}</span> : null}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
