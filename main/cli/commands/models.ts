import { readFileSync } from 'node:fs';
import type { CatalogEntry, ModelKind, ModelSpec } from '../../../app/stylize';
import { parseCommandLine } from '../args';
import { UsageError, type CliCommand, type CliIO } from '../command';
import { createProgressBar } from '../progress-bar';
import { getModel } from '../../services/stylize';
import { importModel, installModel, installModelsFromFolder, listModels, modelCheck, verificationText, type InstalledModel, type ModelListing } from '../../services/stylize/install';
import { installedModelsDir } from '../../services/store';

const KINDS: ModelKind[] = ['builtin', 'cartoongan', 'animegan', 'whitebox', 'instagan', 'segmentation'];

const usage = `Usage: your-cartoon models list [--json]
       your-cartoon models install ID [--force]
       your-cartoon models import FILE [--id ID] [--kind KIND | --spec SPEC.json] [--name NAME]
       your-cartoon models install-dir DIR

Style models: the built-in one ships with the app; others are downloaded (install) or added from a local .onnx
file (import) into the models folder of your data folder (YOUR_CARTOON_DATA overrides where that is).

  list      every catalog model: id, name, kind, installed or not, size and licence (read it before installing)
  install   download a catalog model, check its sha256, check that it loads, and put it in place
            (an interrupted download resumes; --force downloads again)
  import    add a local .onnx file: recognised by its sha256 when it is a catalog model; else its inputs must
            fit a known kind, or name it with --kind or a spec file (--spec, JSON: {"input": {...}, ...})
  install-dir  install every catalog model found in a folder (e.g. the four CartoonGAN files) in one step, each
            recognised by its sha256; files the catalog does not know are listed and left alone`;

function formatSize(bytes: number | undefined): string {
  if (bytes === undefined) return '?';
  if (bytes < 1e6) return `${Math.max(1, Math.round(bytes / 1e3))} KB`;
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

function licenceLine(entry: CatalogEntry): string {
  return `${entry.licence.name}${entry.licence.commercialUse ? '' : ' (non-commercial)'}`;
}

function installedText(l: ModelListing): string {
  if (l.origin === 'bundled') return 'built in';
  if (l.installed) return 'yes';
  return l.entry.urls.length ? 'no' : 'no (import)';
}

const CHECK_TEXT = { app: 'shipped', sha256: 'sha256', spec: 'spec only (no checksum)' } as const;

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]))).join('  ')).join('\n');
}

function list(argv: string[], io: CliIO): number {
  const { values, positionals } = parseCommandLine(argv, { json: { type: 'boolean' } });
  if (positionals.length) throw new UsageError(`models list takes no arguments (got "${positionals[0]}")`);
  const models = listModels();
  if (values.json) {
    const json = models.map((l) => ({
      id: l.entry.id,
      name: l.entry.name,
      kind: l.entry.kind,
      origin: l.origin,
      installed: l.installed,
      file: l.file,
      size: l.size,
      downloadable: l.entry.urls.length > 0,
      sha256: l.record?.sha256 ?? l.entry.sha256,
      verified: l.record?.verified,
      verifiedBy: modelCheck(l),
      licence: l.entry.licence,
      export: l.entry.export,
      notes: l.entry.notes,
    }));
    io.stdout.write(`${JSON.stringify({ modelsDir: installedModelsDir(), models: json }, null, 2)}\n`);
    return 0;
  }
  const rows = [['ID', 'NAME', 'KIND', 'INSTALLED', 'SIZE', 'CHECKED BY', 'LICENCE']];
  for (const l of models) {
    rows.push([l.entry.id, l.entry.name, l.entry.kind, installedText(l), formatSize(l.size), CHECK_TEXT[modelCheck(l)], licenceLine(l.entry)]);
  }
  const unchecked = models.some((l) => modelCheck(l) === 'spec');
  const note = unchecked ? `\n${CHECK_TEXT.spec}: the catalog has no sha256 for it; its file is verified only by loading it and matching its spec` : '';
  io.stdout.write(`${table(rows)}\n${note}\nmodels folder: ${installedModelsDir()}\n`);
  return 0;
}

function describeResult(got: InstalledModel, io: CliIO, verb: string): void {
  if (!got.record) {
    io.stdout.write(`${got.id} is part of the app: nothing to ${verb} (${got.file})\n`);
    return;
  }
  io.stdout.write(`${got.alreadyInstalled ? 'already installed' : `${verb}ed`}: ${got.id} -> ${got.file}\n`);
  io.stdout.write(`${got.record.verified === 'loaded' ? 'warning: ' : ''}${verificationText(got.record.verified)}\n`);
}

async function install(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, { force: { type: 'boolean' } });
  if (positionals.length !== 1) throw new UsageError('models install takes one model id (see "your-cartoon models list")');
  const entry = getModel(positionals[0]);
  // The licence comes before any byte is fetched: the user decides with it in front of them.
  io.stdout.write(`${entry.name} (${entry.id})\nlicence: ${licenceLine(entry)}${entry.licence.url ? ` ${entry.licence.url}` : ''}\n`);
  if (entry.licence.attribution) io.stdout.write(`attribution: ${entry.licence.attribution}\n`);
  const bar = createProgressBar(io);
  try {
    const got = await installModel(entry, { signal: io.signal, onProgress: bar.listener, force: values.force });
    bar.done();
    describeResult(got, io, 'install');
    return 0;
  } finally {
    bar.done();
  }
}

function readSpec(file: string): ModelSpec {
  try {
    const json = JSON.parse(readFileSync(file, 'utf8')) as { spec?: ModelSpec } & ModelSpec;
    return json.spec ?? json;
  } catch (err) {
    throw new UsageError(`--spec ${file}: cannot read a JSON spec (${(err as Error).message})`);
  }
}

async function importCommand(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, {
    id: { type: 'string' },
    kind: { type: 'string' },
    spec: { type: 'string' },
    name: { type: 'string' },
  });
  if (positionals.length !== 1) throw new UsageError('models import takes one .onnx file');
  if (values.kind && !KINDS.includes(values.kind as ModelKind)) throw new UsageError(`--kind must be one of ${KINDS.join(', ')} (got "${values.kind}")`);
  const got = await importModel(positionals[0], {
    id: values.id,
    kind: values.kind as ModelKind | undefined,
    spec: values.spec ? readSpec(values.spec) : undefined,
    name: values.name,
    signal: io.signal,
  });
  describeResult(got, io, 'import');
  if (!got.record) return 0;
  const { licence } = got.record;
  if (!licence) {
    io.stdout.write('licence: unknown (your own file: make sure you may use it)\n');
    return 0;
  }
  // A file the catalog recognised carries the catalog's licence: the user sees it now, not first in a PDF's credits.
  io.stdout.write(`licence: ${licence.name}${licence.commercialUse ? '' : ' (non-commercial)'}${licence.url ? ` ${licence.url}` : ''}\n`);
  if (licence.attribution) io.stdout.write(`attribution: ${licence.attribution}\n`);
  return 0;
}

async function installDir(argv: string[], io: CliIO): Promise<number> {
  const { positionals } = parseCommandLine(argv, {});
  if (positionals.length !== 1) throw new UsageError('models install-dir takes one folder');
  const got = await installModelsFromFolder(positionals[0], {
    signal: io.signal,
    onFile: (file, done, total) => file && io.stderr.write(`checking ${done + 1}/${total}: ${file}\n`),
  });
  for (const m of got.installed) {
    const { licence } = m.entry;
    io.stdout.write(`${m.alreadyInstalled ? 'already installed' : 'installed'}: ${m.id} (${m.entry.name}) <- ${m.source}\n`);
    io.stdout.write(`  licence: ${licenceLine(m.entry)}${licence.url ? ` ${licence.url}` : ''}\n`);
    if (licence.attribution && m.entry.kind !== 'builtin') io.stdout.write(`  attribution: ${licence.attribution}\n`);
  }
  for (const f of got.unknown) io.stdout.write(`not in the catalog (sha256 matches no entry), left alone: ${f}\n  add it with "your-cartoon models import ${f}"\n`);
  for (const f of got.failed) io.stderr.write(`failed: ${f.id} <- ${f.file}: ${f.message}\n`);
  if (!got.installed.length && !got.failed.length) io.stdout.write(`no catalog model in ${got.folder}\n`);
  io.stdout.write(`${got.installed.length} installed, ${got.unknown.length} unknown, ${got.failed.length} failed; models folder: ${installedModelsDir()}\n`);
  return got.failed.length ? 1 : 0;
}

export const modelsCommand: CliCommand = {
  name: 'models',
  summary: 'list, install (download), import and install-dir (a folder of) style models',
  usage,
  async run(argv: string[], io: CliIO): Promise<number> {
    const [sub, ...rest] = argv;
    if (sub === 'list') return list(rest, io);
    if (sub === 'install') return install(rest, io);
    if (sub === 'import') return importCommand(rest, io);
    if (sub === 'install-dir') return installDir(rest, io);
    throw new UsageError(sub ? `unknown models command "${sub}"` : 'say what to do: list, install, import or install-dir');
  },
};
