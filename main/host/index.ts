// The browser host: HTTP + Server-Sent Events adapter of the ComicApi on 127.0.0.1 (the `serve` command).
export { startHost } from './host-server';
export type { HostOptions, RunningHost } from './host-server';
export { RendererNotBuiltError } from './static-files';
export { defaultRendererDir } from './renderer-dir';
