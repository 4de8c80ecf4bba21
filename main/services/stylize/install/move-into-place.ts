import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { cleanStaleTemps } from '../../store/stale-temps';
import { renameDurable } from '../../store/atomic-file';
import { writeFailure } from './install-error';
import { writeInstallRecord, type InstallRecord } from './install-record';

/**
 * The last step of an install or import: the record, then one atomic rename of the checked file onto
 * <data>/models/<id>.onnx. On failure the checked file is removed and no record is left for a model that is not there.
 */
export async function moveIntoPlace(checked: string, paths: { file: string; record: string }, record: InstallRecord): Promise<void> {
  try {
    await cleanStaleTemps(dirname(paths.file));
    await writeInstallRecord(paths.record, record);
    await renameDurable(checked, paths.file);
  } catch (err) {
    await rm(checked, { force: true });
    if (!existsSync(paths.file)) await rm(paths.record, { force: true });
    throw writeFailure(err, paths.file, `installing ${record.id}`);
  }
}
