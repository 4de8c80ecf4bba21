import { DEFAULT_ANALYSIS_PARAMS } from '../app/keyframes';
import { PROJECT_SCHEMA, type Project } from '../app/project';

/**
 * A project of one shot (25 fps, 1280×720) with a detected, proposed key frame at each of `frames` (id d-FRAME,
 * time FRAME/25), for tests of the edit commands and the project file.
 */
export function oneShotProject(frames: number[], frameCount = Math.max(100, ...frames.map((f) => f + 100))): Project {
  const fps = 25;
  return {
    schema: PROJECT_SCHEMA,
    video: { path: '/v.mp4', duration: frameCount / fps, fps, width: 1280, height: 720, frameCount },
    params: DEFAULT_ANALYSIS_PARAMS,
    shots: [{ index: 0, startFrame: 0, endFrame: frameCount - 1, startTime: 0, endTime: frameCount / fps }],
    keyframes: frames.map((frame) => ({ id: `d-${frame}`, shot: 0, frame, time: frame / fps, origin: 'detected', status: 'proposed', file: `f${frame}.jpg` })),
  };
}
