import { fitOutline } from '../geometry';
import { PAGE_SIZES, type PageSizeId, type ReadingOrder } from '../page';
import { contentBox } from '../page-templates';
import { pageLook } from '../pages';
import { layoutOf, withLayout, type Project } from '../project';
import type { EditCommand } from './command';

/**
 * Page size and reading order of the whole comic. Pages edited by hand follow: their panels are mapped onto the new
 * page's space inside the margins, and mirrored left for right when the reading order turns.
 */
export function setPageSetup(project: Project, setup: { page?: PageSizeId; readingOrder?: ReadingOrder }): EditCommand {
  const layout = layoutOf(project);
  const { page, readingOrder } = layout;
  const next = { ...layout, ...setup };
  const pages = layout.pages?.map((record) => {
    const { margin } = pageLook(layout, record);
    const from = contentBox({ size: PAGE_SIZES[page], margin });
    const to = contentBox({ size: PAGE_SIZES[next.page], margin });
    const mirror = next.readingOrder !== readingOrder;
    return {
      ...record,
      panels: record.panels.map((p) => {
        let outline = fitOutline(p.outline, from, to);
        if (mirror) outline = outline.map((c) => ({ x: 2 * to.x + to.width - c.x, y: c.y })).reverse();
        return { ...p, outline };
      }),
    };
  });
  const before = layout.pages;
  return {
    label: { key: setup.page && setup.page !== page ? 'command.pageSize' : 'command.readingOrder' },
    apply: (p) => withLayout(p, (l) => ({ ...l, ...setup, ...(pages ? { pages } : {}) })),
    revert: (p) => withLayout(p, (l) => ({ ...l, page, readingOrder, ...(before ? { pages: before } : {}) })),
  };
}
