import { isCommandName, type ApiReply } from '../../app/api';
import { RequestError, toErrorInfo } from './error-info';
import type { ComicService } from './comic-api';

/**
 * Runs one command for an adapter (ipc or HTTP): only names in COMIC_COMMANDS, arguments as a JSON array; every
 * outcome becomes an ApiReply so the error code reaches the renderer.
 */
export async function dispatchCommand(service: ComicService, command: unknown, args: unknown): Promise<ApiReply> {
  try {
    if (!isCommandName(command)) throw new RequestError('UNKNOWN_COMMAND', `unknown command ${JSON.stringify(command)}`);
    if (!Array.isArray(args)) throw new RequestError('BAD_REQUEST', `${command}: arguments must be a list`);
    const fn = service[command] as (...a: unknown[]) => Promise<unknown>;
    return { ok: true, value: await fn(...args) };
  } catch (err) {
    return { ok: false, error: toErrorInfo(err) };
  }
}
