// The store service's public surface: where the app's files are on disk, and how they are written without loss.
export { dataDir, dataDirFor, installedModelsDir, installedModelPaths } from './data-paths';
export { bundledModelFile, packageRoot } from './bundled-paths';
export { writeFileAtomic, tempPathBeside, renameDurable, syncDir, syncFile } from './atomic-file';
export { StagedFiles, withStagedFiles, STAGING_PREFIX } from './staged-files';
export { cleanStaleTemps } from './stale-temps';
export { WriteError, fsErrorWords, messageInWords, DISK_FULL_CODES } from './fs-words';
export { packageInfo, appCreator } from './package-info';
export { readProject, writeProject, checkProject, setAsideProject, ProjectFileError, PROJECT_FILE } from './project-file';
