import { useTranslation } from 'react-i18next';
import type { ProjectKeyFrame } from '../../app/project';

/**
 * The comic's kept key frames: drag one onto a panel to show it there (it swaps with the panel that showed it).
 * Frames on no page yet are marked.
 */
export function FrameTray({ frames, unplaced, urlOf }: { frames: ProjectKeyFrame[]; unplaced: ReadonlySet<string>; urlOf: (index: number) => string | undefined }) {
  const { t } = useTranslation();
  return (
    <section className="frame-tray" data-testid="frame-tray" aria-label={t('canvas.tray.label')}>
      {frames.map((k, i) => {
        const url = urlOf(i);
        return (
          <figure
            key={k.id}
            className={`tray-frame${unplaced.has(k.id) ? ' unplaced' : ''}`}
            data-testid="tray-frame"
            data-keyframe={k.id}
            draggable
            onDragStart={(e) => {
              e.dataTransfer.setData('application/x-keyframe', k.id);
              e.dataTransfer.effectAllowed = 'copyMove';
            }}
            title={t(unplaced.has(k.id) ? 'canvas.tray.unplaced' : 'canvas.tray.dragHint')}
          >
            {url ? <img src={url} alt={`Frame ${k.frame}`} draggable={false} /> : <div className="tray-missing" />}
            <figcaption>{unplaced.has(k.id) ? `• ${k.frame}` : k.frame}</figcaption>
          </figure>
        );
      })}
    </section>
  );
}
