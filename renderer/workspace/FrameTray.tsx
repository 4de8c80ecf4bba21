import { useTranslation } from 'react-i18next';
import { keyframeThumbFile } from '../../app/keyframes';
import { comicKeyframes } from '../../app/project';
import { ThumbImage } from '../components/ThumbImage';
import { formatTime } from '../format';
import type { ProjectStepProps } from './steps';

/**
 * The kept key frames, in comic order, along the bottom of every step: what the book is made of at a glance.
 * (The page canvas makes them draggable onto panels.)
 */
export function FrameTray({ api, result, review }: ProjectStepProps) {
  const { t } = useTranslation();
  const kept = comicKeyframes(review.project);
  return (
    <footer className="kept-tray" data-testid="kept-tray" aria-label={t('tray.label')}>
      <span className="tray-count muted">{t('tray.count', { count: kept.length })}</span>
      <ol>
        {kept.map((k, i) => (
          <li
            key={k.id}
            data-testid="kept-frame"
            data-keyframe={k.id}
            title={t('tray.frame', { n: i + 1, frame: k.frame, time: formatTime(k.time) })}
            draggable
            onDragStart={(e) => {
              // The page canvas takes a key frame dropped on a panel (renderer/canvas/PageCanvas).
              e.dataTransfer.setData('application/x-keyframe', k.id);
              e.dataTransfer.effectAllowed = 'copyMove';
            }}
          >
            <ThumbImage
              thumb={api.imageUrl({ root: result.framesRoot, file: keyframeThumbFile(k.file) })}
              full={api.imageUrl({ root: result.framesRoot, file: k.file })}
              alt=""
              loading="lazy"
              draggable={false}
            />
          </li>
        ))}
      </ol>
    </footer>
  );
}
