import { useTranslation } from 'react-i18next';
import { useRef, useState, type DragEvent } from 'react';
import type { ComicApi, ModelSummary } from '../../app/api';
import { importModelFile } from './import-model-file';

/**
 * Adding a model: drop an .onnx on the style panel (or choose one), or name a folder holding several (the four
 * CartoonGAN files install in one step). The list of styles updates as soon as it is in; its licence is then shown
 * before it is used.
 */
export function ModelImport({ api, onImported, children }: {
  api: ComicApi;
  onImported: (models: ModelSummary[]) => void;
  children: React.ReactNode;
}) {
  const { t } = useTranslation();
  const [state, setState] = useState<{ busy?: string; message?: string; error?: string }>({});
  const [folder, setFolder] = useState('');
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const importFiles = async (files: File[]) => {
    const models = files.filter((f) => /\.onnx$/i.test(f.name));
    if (!models.length) return setState({ error: t('style.notAModel', { names: files.map((f) => f.name).join(', ') || '?' }) });
    const done: ModelSummary[] = [];
    try {
      for (const f of models) {
        setState({ busy: t('style.checking', { name: f.name }) });
        done.push(await importModelFile(api, f));
      }
      setState({ message: t('style.added', { names: done.map((m) => m.name).join(', ') }) });
    } catch (err) {
      setState({ error: (err as Error).message });
    }
    if (done.length) onImported(done);
  };

  const installFolder = async () => {
    setState({ busy: t('style.lookingIn', { folder }) });
    try {
      const got = await api.installModelsFolder({ folder });
      const unknown = got.unknown.length ? `; ${t('style.notInCatalog', { files: got.unknown.join(', ') })}` : '';
      const failed = got.failed.map((f) => `${f.file}: ${f.message}`).join('; ');
      setState({
        message: `${got.installed.length ? t('style.installed', { names: got.installed.map((m) => m.name).join(', ') }) : t('style.noCatalogModel', { folder: got.folder })}${unknown}`,
        ...(failed ? { error: failed } : {}),
      });
      if (got.installed.length) onImported(got.installed);
    } catch (err) {
      setState({ error: (err as Error).message });
    }
  };

  const onDrop = (e: DragEvent) => {
    if (!e.dataTransfer.types.includes('Files')) return;
    e.preventDefault();
    e.stopPropagation(); // a model dropped here is not a video for the window
    setOver(false);
    void importFiles([...e.dataTransfer.files]);
  };

  return (
    <div
      className={`model-drop${over ? ' over' : ''}`}
      data-testid="model-drop"
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      {children}
      <div className="model-import">
        <button type="button" onClick={() => input.current?.click()} disabled={!!state.busy}>
          {t('style.addModel')}
        </button>
        <input
          ref={input}
          type="file"
          accept=".onnx"
          multiple
          hidden
          data-testid="model-file"
          onChange={(e) => {
            void importFiles([...(e.target.files ?? [])]);
            e.target.value = '';
          }}
        />
        <span className="muted">{t('style.dropOrFolder')}</span>
        <input data-testid="model-folder" placeholder="/path/to/models" value={folder} onChange={(e) => setFolder(e.target.value)} />
        <button type="button" data-testid="model-folder-install" onClick={() => void installFolder()} disabled={!folder.trim() || !!state.busy}>
          {t('style.install')}
        </button>
      </div>
      {state.busy ? <p className="muted" data-testid="model-import-busy">{state.busy}</p> : null}
      {state.message ? <p className="note" data-testid="model-import-done">{state.message}</p> : null}
      {state.error ? <p className="note bad" data-testid="model-import-error">{state.error}</p> : null}
    </div>
  );
}
