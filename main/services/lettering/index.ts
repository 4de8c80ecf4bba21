// Lettering fonts in the main process: where the files are, their faces for the layout, subsets for the PDF.
export { fontFilePath, isFontFile, FontMissingError } from './font-files';
export { loadFont, serverFaces } from './faces';
export type { LoadedFont } from './faces';
export { subsetFont } from './subset-font';
