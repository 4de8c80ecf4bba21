import type { PageSizeId, ReadingOrder } from '../page';
import { layoutOf, withLayout, type Project } from '../project';
import type { EditCommand } from './command';

/** Page size and reading order of the whole comic. */
export function setPageSetup(project: Project, setup: { page?: PageSizeId; readingOrder?: ReadingOrder }): EditCommand {
  const { page, readingOrder } = layoutOf(project);
  return {
    label: setup.page && setup.page !== page ? 'Change the page size' : 'Change the reading order',
    apply: (p) => withLayout(p, (l) => ({ ...l, ...setup })),
    revert: (p) => withLayout(p, (l) => ({ ...l, page, readingOrder })),
  };
}
