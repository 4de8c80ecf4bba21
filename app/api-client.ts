import { COMIC_COMMANDS, unwrapReply, type ComicApi, type ComicCommands, type ComicTransport } from './api';

/** The ComicApi over a transport: each command sends its arguments and unwraps the reply (throwing ApiError). */
export function createApiClient(transport: ComicTransport): ComicApi {
  const commands = {} as Record<string, (...args: unknown[]) => Promise<unknown>>;
  for (const name of COMIC_COMMANDS) {
    commands[name] = async (...args: unknown[]) => unwrapReply(await transport.call(name, args));
  }
  return {
    ...(commands as unknown as ComicCommands),
    onJobEvent: (listener) => transport.onJobEvent(listener),
    imageUrl: (ref) => transport.imageUrl(ref),
  };
}
