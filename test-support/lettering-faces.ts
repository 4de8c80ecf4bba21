// The shipped lettering fonts, loaded as the main process loads them, for tests of the layout and of drawing.
export { serverFaces as testFaces, loadFont } from '../main/services/lettering';
