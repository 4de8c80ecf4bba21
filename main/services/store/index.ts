// The store service's public surface: where the app's files are on disk.
export { dataDir, dataDirFor, installedModelsDir, installedModelPaths } from './data-paths';
export { bundledModelFile, packageRoot } from './bundled-paths';
export { writeFileAtomic, tempPathBeside } from './atomic-file';
export { packageInfo, appCreator } from './package-info';
export { readProject, writeProject, checkProject, setAsideProject, ProjectFileError, PROJECT_FILE } from './project-file';
