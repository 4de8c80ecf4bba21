import type { ComicApi, KeyframesResult } from '../../app/api';
import { comicKeyframes } from '../../app/project';
import { useReview } from '../hooks/use-review';
import { PanelsCard } from './PanelsCard';
import { ShotStrip } from './ShotStrip';

/** After an analysis: review the key frames, then make panels (and the comic) of the ones kept. */
export function ReviewAndComic({ api, result, defaultModel }: { api: ComicApi; result: KeyframesResult; defaultModel?: string }) {
  const review = useReview(api, result);
  // framesDir is the main process's own path: '/' joins it on every platform Node runs on.
  const kept = comicKeyframes(review.project);
  const pictures = kept.map((k) => `${result.framesDir}/${k.file}`);
  const regions = Object.fromEntries(kept.flatMap((k, i) => (review.project.regions?.[k.id]?.length ? [[pictures[i], review.project.regions[k.id]]] : [])));
  return (
    <>
      <ShotStrip api={api} result={result} review={review} />
      {review.project.keyframes.length ? (
        <PanelsCard
          api={api}
          review={review}
          projectDir={result.projectDir}
          videoPath={result.document.video.path}
          pictures={pictures}
          frames={kept.map((k, i) => ({ id: k.id, picture: pictures[i], url: api.imageUrl({ root: result.framesRoot, file: k.file }), label: `frame ${k.frame}` }))}
          regions={regions}
          defaultModel={defaultModel}
        />
      ) : null}
    </>
  );
}
