interface Props {
  path: string;
  onPath: (path: string) => void;
  onSample: () => void;
  makingSample: boolean;
  onAnalyse: () => void;
  busy: boolean;
  /** A saved review of this video, summed up, when there is one to reopen. */
  saved?: string;
  onOpenSaved: () => void;
}

/** The video to work on: a path typed or pasted, or the built-in sample. */
export function VideoPicker({ path, onPath, onSample, makingSample, onAnalyse, busy, saved, onOpenSaved }: Props) {
  return (
    <section className="card picker">
      <h2>Video</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (path.trim() && !busy) onAnalyse();
        }}
      >
        <input
          data-testid="video-path"
          type="text"
          value={path}
          placeholder="/path/to/video.mp4"
          spellCheck={false}
          onChange={(e) => onPath(e.target.value)}
        />
        <button type="submit" className="primary" data-testid="analyse" disabled={!path.trim() || busy}>
          Find key frames
        </button>
      </form>
      <p className="hint muted">The path of a video file on this computer (mp4, mov, mkv, webm, …).</p>
      {saved && !busy ? (
        <p className="saved-review">
          <button type="button" data-testid="open-saved" onClick={onOpenSaved}>
            Open the saved review
          </button>{' '}
          <span className="muted">{saved}, without analysing again</span>
        </p>
      ) : null}
      <button type="button" className="link" data-testid="use-sample" onClick={onSample} disabled={makingSample || busy}>
        {makingSample ? 'Making the sample video…' : 'Use the sample video'}
      </button>
    </section>
  );
}
