// The video service: find ffmpeg, probe a video, stream its frames for analysis, grab exact frames,
// read and write still images. Video goes through one ffmpeg/ffprobe found by locateFfmpeg(); stills through sharp.
export type { VideoInfo, RgbFrame, RgbImage } from '../../../app/video';

export { locateFfmpeg, locateFfprobe, FfmpegNotFoundError } from './locate-ffmpeg';
export type { LocatedBinary, BinarySource } from './locate-ffmpeg';

export { VideoError } from './video-error';
export type { VideoErrorCode } from './video-error';

export { probeVideo } from './probe';
export { keyFrameInterval } from './key-frame-interval';
export { analysisSize } from './video-geometry';

export { streamFrames, streamDecoded } from './stream-frames';
export { finishFilmstrip, FILMSTRIP_INDEX, type FilmstripOutput } from './filmstrip-output';
export type { FrameStream, StreamFramesOptions, DecodedFrame, DecodedStream } from './stream-frames';
export { bufferFrames, type FrameSource } from './frame-source';
export { decodeSpeedReference } from './decode-speed';

export { encodeFramePicture, extractFrames } from './extract-frames';
export { yuv420Bytes, yuv420ToRgb, yuv420ToRgbAsync, yuvColourOf, type YuvColour } from './yuv-native';
export type { FullFrameOutput } from './full-frame-output';
export type { ExtractFramesOptions, ExtractedFrame, FrameRequest } from './extract-frames';

export { decodeImage, encodeImage, encodeImageBytes, imageFormatOf, imageInfo, resizeRgb, MAX_IMAGE_PIXELS } from './image-io';
export type { DecodeImageOptions, EncodeImageOptions, ImageFormat, ImageInfo } from './image-io';
export { makeSampleVideo, makeSampleVideoAsync, SAMPLE_SHOT_STARTS } from './sample-video';
