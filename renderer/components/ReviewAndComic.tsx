import type { ComicApi, KeyframesResult } from '../../app/api';
import { comicKeyframes } from '../../app/project';
import { useReview } from '../hooks/use-review';
import { PanelsCard } from './PanelsCard';
import { ReviewView } from '../timeline/ReviewView';

/** After an analysis: review the key frames, then make panels (and the comic) of the ones kept. */
export function ReviewAndComic({ api, result, defaultModel }: { api: ComicApi; result: KeyframesResult; defaultModel?: string }) {
  const review = useReview(api, result);
  // framesDir is the main process's own path: '/' joins it on every platform Node runs on.
  const kept = comicKeyframes(review.project);
  const pictures = kept.map((k) => `${result.framesDir}/${k.file}`);
  const regions = Object.fromEntries(kept.flatMap((k, i) => (review.project.regions?.[k.id]?.length ? [[pictures[i], review.project.regions[k.id]]] : [])));
  return (
    <>
      <ReviewView api={api} result={result} review={review} />
      {review.project.keyframes.length ? (
        <PanelsCard
          api={api}
          review={review}
          projectDir={result.projectDir}
          videoPath={result.document.video.path}
          pictures={pictures}
          regions={regions}
          defaultModel={defaultModel}
        />
      ) : null}
    </>
  );
}
