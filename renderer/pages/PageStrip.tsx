import { useEffect, useRef, useState } from 'react';
import type { EditorPage } from '../../app/pages';
import { PageThumb } from './PageThumb';

/**
 * The page strip: a live thumbnail of every page; click one to bring it into focus, drag it to another place to
 * reorder; add a blank page after the one in focus, duplicate it, delete it (all undoable).
 */
export function PageStrip({ pages, focus, onFocus, urlOf, onReorder, onAdd, onDuplicate, onDelete }: {
  pages: EditorPage[];
  focus: number;
  onFocus: (page: number) => void;
  urlOf: (picture: number) => string | undefined;
  onReorder: (from: number, to: number) => void;
  onAdd: () => void;
  onDuplicate: () => void;
  onDelete: () => void;
}) {
  const [dragging, setDragging] = useState<number>();
  const [over, setOver] = useState<number>();
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    list.current?.children[focus]?.scrollIntoView({ block: 'nearest' });
  }, [focus, pages.length]);
  return (
    <nav className="page-strip" data-testid="page-strip" aria-label="Pages">
      <div className="page-strip-actions">
        <button type="button" data-testid="page-add" onClick={onAdd} title="Add a blank page after this one">
          + Page
        </button>
        <button type="button" data-testid="page-duplicate" onClick={onDuplicate} disabled={!pages.length} title="Duplicate this page">
          Duplicate
        </button>
        <button type="button" data-testid="page-delete" onClick={onDelete} disabled={!pages.length} title="Delete this page (its frames go back to the tray)">
          Delete
        </button>
      </div>
      <ol className="page-thumbs" ref={list}>
        {pages.map((page, i) => (
          <li
            key={page.id}
            data-testid="page-thumb"
            data-page={page.id}
            className={`page-thumb${i === focus ? ' focus' : ''}${over === i && dragging !== i ? ' drop' : ''}`}
            draggable
            onDragStart={(e) => {
              setDragging(i);
              e.dataTransfer.setData('application/x-page', String(i));
              e.dataTransfer.effectAllowed = 'move';
            }}
            onDragOver={(e) => {
              if (e.dataTransfer.types.includes('application/x-page')) e.preventDefault(), setOver(i);
            }}
            onDragLeave={() => setOver(undefined)}
            onDrop={(e) => {
              const from = Number(e.dataTransfer.getData('application/x-page'));
              setOver(undefined);
              setDragging(undefined);
              if (Number.isInteger(from) && from !== i) onReorder(from, i);
            }}
            onDragEnd={() => (setDragging(undefined), setOver(undefined))}
            onClick={() => onFocus(i)}
          >
            <PageThumb page={page} urlOf={urlOf} />
            <span>{i + 1}</span>
          </li>
        ))}
      </ol>
    </nav>
  );
}
