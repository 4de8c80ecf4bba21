import type { ComicApi } from '../../app/api';
import { Workspace } from '../workspace/Workspace';

/** The editor page: the workspace over the ComicApi (Electron's bridge or the browser host's HTTP). */
export function App({ api }: { api: ComicApi }) {
  return <Workspace api={api} />;
}
