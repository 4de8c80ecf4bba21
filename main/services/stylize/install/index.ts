// The model installer's public surface: download, import, list and find installed models.
export { installModel } from './install-model';
export type { InstallOptions, InstalledModel } from './install-model';
export { importModel } from './import-model';
export type { ImportOptions } from './import-model';
export { listModels, modelCheck, resolveInstalledModel } from './installed-models';
export type { ModelCheck, ModelListing } from './installed-models';
export { verificationText } from './install-record';
export { entriesMatchingFile } from './validate-model';
export type { InstallRecord, Verification } from './install-record';
export { InstallError } from './install-error';
export type { InstallErrorCode } from './install-error';
export { installModelsFromFolder } from './install-folder';
export type { FolderInstallOptions, FolderInstallResult } from './install-folder';
