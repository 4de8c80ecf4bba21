import type { ProjectKeyFrame } from '../../app/project';

/**
 * The comic's kept key frames: drag one onto a panel to show it there (it swaps with the panel that showed it).
 * Frames on no page yet are marked.
 */
export function FrameTray({ frames, unplaced, urlOf }: { frames: ProjectKeyFrame[]; unplaced: ReadonlySet<string>; urlOf: (index: number) => string | undefined }) {
  return (
    <section className="frame-tray" data-testid="frame-tray" aria-label="Kept key frames">
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
            title={unplaced.has(k.id) ? 'On no page yet: drag it onto a panel' : 'Drag onto a panel to show it there'}
          >
            {url ? <img src={url} alt={`Frame ${k.frame}`} draggable={false} /> : <div className="tray-missing" />}
            <figcaption>{unplaced.has(k.id) ? `• ${k.frame}` : k.frame}</figcaption>
          </figure>
        );
      })}
    </section>
  );
}
