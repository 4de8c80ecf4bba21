import { UsageError } from '../command';
import { planStylize as planModels, type StylizePlan, type StylizeRequest } from '../../services/stylize/plan';

export type { FileReport, StylizePlan, StylizeRequest } from '../../services/stylize/plan';

const PHOTO = 'photo';

/** The combinations of options that make no sense, said as a usage error before any model is loaded. */
function checkCombination(r: StylizeRequest): void {
  const regions = r.people !== undefined || r.instagan !== undefined;
  if (r.instagan !== undefined && r.people !== undefined) throw new UsageError('--instagan and --people are two ways to treat the people: give one');
  if (r.instagan !== undefined && r.model !== undefined) throw new UsageError('--instagan keeps the rest of the picture: it takes no --model');
  if (!regions && r.masks.length) throw new UsageError('--mask gives the regions for --people STYLE or --instagan MODEL: add one of them');
  if (!regions && r.segmenter !== undefined) throw new UsageError('--segmenter finds people for --people or --instagan: add one of them');
  if (!regions && r.feather !== undefined) throw new UsageError('--feather softens region edges: use it with --people or --instagan');
  if (!regions && r.model === PHOTO) throw new UsageError('--model photo leaves the background as it is: say how to treat the people with --people');
  if (r.masks.length && r.segmenter !== undefined) throw new UsageError('--mask replaces the segmenter: give --mask or --segmenter, not both');
  if (r.people === PHOTO && (r.model ?? PHOTO) === PHOTO) throw new UsageError('--people photo with the background left as photo changes nothing: give --model STYLE');
}

/** The command's plan: its options checked together, then every model resolved (services/stylize/plan). */
export async function planStylize(r: StylizeRequest): Promise<StylizePlan> {
  checkCombination(r);
  return planModels(r);
}
