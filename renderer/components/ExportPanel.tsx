import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComicApi, ExportRequest, ExportResult, StylizeResult } from '../../app/api';
import { setExportSettings } from '../../app/commands';
import { exportSettingsOf } from '../../app/export-settings';
import { exportTarget } from '../../app/export-target';
import { exportPages } from '../../app/pages';
import { comicKeyframes, projectPages } from '../../app/project';
import { desktop } from '../api/desktop';
import { useJob } from '../hooks/use-job';
import type { Review } from '../hooks/use-review';
import { ExportOptions } from './ExportOptions';
import { ExportSummary } from './ExportSummary';
import { JobProgress } from './JobProgress';

const fileName = (path: string) => path.split(/[\\/]/).pop() ?? path;

/** The comic's PDF, of exactly the pages as laid out: print marks for a print shop, progress, and a link to open it. */
export function ExportPanel({ api, review, panels, projectDir, title }: { api: ComicApi; review: Review; panels: StylizeResult; projectDir: string; title: string }) {
  const { t } = useTranslation();
  const startExport = useCallback((request: ExportRequest) => api.startExport(request), [api]);
  const job = useJob<ExportRequest, ExportResult>(api, 'export', startExport);
  const { view, reset } = job;
  const { project } = review;
  const kept = comicKeyframes(project);
  const pages = projectPages(project);
  const drawn = new Map(panels.files.map((f) => [fileName(f.input), f]));
  const pictures = kept.map((k) => drawn.get(k.file));
  // A PDF of other pages is not this comic: any edit asks for a new one.
  useEffect(reset, [panels, project, reset]);
  const settings = exportSettingsOf(project.exportSettings);
  const busy = view.status === 'starting' || view.status === 'running';
  const missing = pictures.some((p) => !p);
  // In the desktop app the user picks where it goes (a cancelled picker: no export); in the browser, the project folder.
  const make = async () => {
    const target = await exportTarget(desktop()?.chooseExportTarget, settings.format, projectDir, {
      title: t(`export.dialog.${settings.format}`),
      filterName: t(`export.filter.${settings.format}`),
    });
    if (!target) return;
    job.start({
      pictures: pictures.map((p) => p!.output),
      projectDir,
      ...target,
      title,
      models: panels.models,
      pages: exportPages(pages),
      format: settings.format,
      dpi: settings.dpi,
      quality: settings.quality,
      images: settings.images,
      bleed: settings.bleed,
      marks: settings.marks,
      ...(settings.title ? { title: settings.title } : {}),
      ...(settings.author ? { author: settings.author } : {}),
    });
  };
  return (
    <section className="card export" data-testid="export-panel">
      <h2>{t('export.title')}</h2>
      <p className="muted">{t('export.summary', { pages: pages.length, count: kept.length, title })}</p>
      <div className="panels-controls">
        <button type="button" className="primary" data-testid="export" onClick={() => void make()} disabled={busy || missing || !pages.length}>
          {t(`export.make.${settings.format}`)}
        </button>
      </div>
      <ExportOptions settings={settings} disabled={busy} onChange={(changes) => review.edit((p) => setExportSettings(p, changes))} />
      {missing ? <p className="note">{t('pages.missing')}</p> : null}
      {busy ? <JobProgress progress={view.status === 'running' ? view.progress : undefined} cancelling={view.status === 'running' && view.cancelling} onCancel={job.cancel} /> : null}
      {view.status === 'failed' ? <p className="note bad" data-testid="export-error">{view.error.message}</p> : null}
      {view.status === 'cancelled' ? <p className="note">{t('job.cancelled')}</p> : null}
      {view.status === 'done' ? <ExportSummary result={view.result} url={api.imageUrl(view.result.document)} /> : null}
    </section>
  );
}
