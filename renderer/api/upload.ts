import { ApiError, type ApiReply, type UploadedVideo } from '../../app/api';

export interface UploadProgress {
  sent: number;
  total: number;
}

/**
 * Sends a file to the browser host (POST /api/upload), which stores it in the data folder and probes it. XHR rather
 * than fetch: only XHR reports upload progress. Rejects with ApiError (TOO_LARGE, NOT_A_VIDEO, ...) or CANCELLED.
 */
export function uploadVideo(file: File, onProgress: (p: UploadProgress) => void, signal?: AbortSignal): Promise<UploadedVideo> {
  return new Promise((done, fail) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${window.location.origin}/api/upload?name=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.upload.onprogress = (e) => onProgress({ sent: e.loaded, total: e.lengthComputable ? e.total : file.size });
    xhr.onload = () => {
      let reply: ApiReply<UploadedVideo> | undefined;
      try {
        reply = JSON.parse(xhr.responseText) as ApiReply<UploadedVideo>;
      } catch {
        return fail(new ApiError(`HTTP_${xhr.status}`, `${file.name}: the app answered ${xhr.status} ${xhr.statusText}`));
      }
      if (reply.ok) done(reply.value);
      else fail(new ApiError(reply.error.code, reply.error.message, reply.error.name));
    };
    xhr.onerror = () => fail(new ApiError('UPLOAD_INTERRUPTED', `${file.name}: the upload was cut off (is the app still running?)`));
    xhr.onabort = () => fail(new ApiError('CANCELLED', `${file.name}: upload cancelled`));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}
