import { useEffect, useState } from 'react';
import { BALLOON_KINDS, type Balloon, type BalloonKind } from '../../app/balloons';

const KIND_NAMES: Record<BalloonKind, string> = { speech: 'Speech', thought: 'Thought', shout: 'Shout', caption: 'Caption' };

/**
 * The balloon tools: add a balloon of a kind to the selected panel; for the selected balloon, its words (one edit
 * when the field is left or Enter pressed), its kind, its size and Delete.
 */
export function BalloonBar({ panelSelected, balloon, onAdd, onChange, onDelete, pageBreak, onPageBreak }: {
  panelSelected: boolean;
  balloon?: Balloon;
  onAdd: (kind: BalloonKind) => void;
  onChange: (changes: Partial<Balloon>) => void;
  onDelete: () => void;
  /** Whether the selected panel starts a page (undefined: no panel selected). */
  pageBreak?: boolean;
  onPageBreak: () => void;
}) {
  const [text, setText] = useState(balloon?.text ?? '');
  useEffect(() => setText(balloon?.text ?? ''), [balloon?.id, balloon?.text]);
  const commitText = () => {
    if (balloon && text !== balloon.text) onChange({ text });
  };
  return (
    <div className="balloon-bar" data-testid="balloon-bar">
      <span className="muted">{panelSelected ? 'Add to the selected panel:' : 'Click a panel to add a balloon to it.'}</span>
      {BALLOON_KINDS.map((kind) => (
        <button key={kind} type="button" data-testid={`add-${kind}`} disabled={!panelSelected} onClick={() => onAdd(kind)}>
          + {KIND_NAMES[kind]}
        </button>
      ))}
      {pageBreak !== undefined ? (
        <button type="button" data-testid="page-break" onClick={onPageBreak} title="Pages: this panel starts a new page, or follows on the page before">
          {pageBreak ? 'Join the page before' : 'Start a new page here'}
        </button>
      ) : null}
      {balloon ? (
        <span className="balloon-edit">
          <input
            data-testid="balloon-text"
            value={text}
            onChange={(e) => setText(e.target.value)}
            onBlur={commitText}
            onKeyDown={(e) => e.key === 'Enter' && commitText()}
            aria-label="Words in the balloon"
          />
          <select data-testid="balloon-kind" value={balloon.kind} onChange={(e) => onChange({ kind: e.target.value as BalloonKind })} aria-label="Kind of balloon">
            {BALLOON_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_NAMES[k]}
              </option>
            ))}
          </select>
          <select data-testid="balloon-size" value={balloon.fontSize} onChange={(e) => onChange({ fontSize: Number(e.target.value) })} aria-label="Letter size">
            {[7, 8, 9, 10, 12, 14, 18].map((pt) => (
              <option key={pt} value={pt}>
                {pt} pt
              </option>
            ))}
          </select>
          <button type="button" data-testid="balloon-delete" onClick={onDelete}>
            Delete
          </button>
        </span>
      ) : null}
    </div>
  );
}
