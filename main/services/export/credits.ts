import type { FaceLookup } from '../../../app/balloons';
import { CREDITS_FONT } from '../../../app/lettering/fonts';
import { layoutText, type TextLayout } from '../../../app/lettering/layout';
import { MM_PER_INCH, type ComicPage } from '../../../app/page';
import type { ModelAttribution } from '../stylize';
import { panelOutline } from './page-look';

const CREDIT_SIZE_PT = 6.5;
const LINE = 1.3;
/** Left and right inset of the credit lines, and their top inset on a credits page (mm). */
const PAGE_EDGE_MM = 12;

export interface CreditsPlacement {
  layout: TextLayout;
  /** Centre of the lines on the page (mm). */
  cx: number;
  cy: number;
  /** On a page of their own (the last page's margin is too small). */
  ownPage: boolean;
}

/** Smallest page margin under the panels (mm): where the credits may go without touching a panel. */
export function bottomMargin(page: ComicPage): number {
  const lowest = Math.max(0, ...page.panels.map((p) => Math.max(p.rect.y + p.rect.height, ...panelOutline(p).map((q) => q.y))));
  return page.size.height - lowest;
}

/**
 * The credits the models' licences ask for, in the embedded credits font, small and centred under the panels of
 * the last page, or on a page of their own when the margin cannot hold them. Undefined when there are none.
 */
export function placeCredits(attribution: ModelAttribution, last: ComicPage, faces: FaceLookup): CreditsPlacement | undefined {
  const text = attribution.lines.join(' ').trim();
  if (!text) return undefined;
  const face = faces(CREDITS_FONT.id as never)!;
  const sizeMm = (CREDIT_SIZE_PT / 72) * MM_PER_INCH;
  const { width, height } = last.size;
  const layout = layoutText({ text, face, sizeMm, lineHeight: LINE, shape: { kind: 'rect', width: width - 2 * PAGE_EDGE_MM, height, padding: 0 } });
  const block = layout.lines.length * sizeMm * LINE;
  const margin = bottomMargin(last);
  const ownPage = block + sizeMm * LINE > margin;
  return { layout, cx: width / 2, cy: ownPage ? PAGE_EDGE_MM + block / 2 : height - margin / 2, ownPage };
}
