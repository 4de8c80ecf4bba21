import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpenProblem } from './use-project-session';
import type { VideoIntake } from './use-video-intake';

/**
 * A project that did not open, said where the user is. A moved video is asked for at its new place (chosen, dropped
 * or typed) and the project re-linked to it; a damaged or newer project.json is named, and what was done with it.
 */
export function OpenProblemNote({ problem, intake, onRelink, onDismiss }: { problem: OpenProblem; intake: VideoIntake; onRelink: (video: string) => void; onDismiss: () => void }) {
  const { t } = useTranslation();
  const [path, setPath] = useState('');
  const moved = problem.code === 'VIDEO_MISSING';
  return (
    <section className="note bad open-problem" data-testid="open-problem" data-code={problem.code}>
      <p className="strong">{t(`problem.${problem.code}`, { defaultValue: t('problem.other') })}</p>
      <p className="muted problem-detail">{problem.message}</p>
      {moved ? (
        <form
          className="relink"
          data-testid="relink"
          onSubmit={(e) => {
            e.preventDefault();
            if (path.trim()) onRelink(path.trim());
          }}
        >
          <button type="button" data-testid="relink-choose" onClick={() => void intake.choose()}>
            {t('relink.choose')}
          </button>
          <input
            ref={intake.input}
            type="file"
            hidden
            data-testid="relink-file-input"
            accept="video/*"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void intake.takeFile(file);
            }}
          />
          <span className="muted">{t('relink.or')}</span>
          <input data-testid="relink-path" type="text" value={path} placeholder={t('relink.placeholder')} spellCheck={false} onChange={(e) => setPath(e.target.value)} />
          <button type="submit" className="primary" data-testid="relink-confirm" disabled={!path.trim()}>
            {t('relink.confirm')}
          </button>
        </form>
      ) : null}
      <button type="button" className="link" onClick={onDismiss}>
        {t('problem.dismiss')}
      </button>
    </section>
  );
}
