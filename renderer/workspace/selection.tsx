import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';

/** What the side panel shows the properties of. Other parts add their kinds (a panel, a balloon, a page). */
export type Selection = { kind: 'keyframe'; id: string } | undefined;

interface SelectionState {
  selection: Selection;
  select: (s: Selection) => void;
}

const SelectionContext = createContext<SelectionState>({ selection: undefined, select: () => undefined });

/** One selection for the open project, shared by the main views and the side panel. */
export function SelectionProvider({ children }: { children: ReactNode }) {
  const [selection, select] = useState<Selection>();
  const value = useMemo(() => ({ selection, select }), [selection]);
  return <SelectionContext.Provider value={value}>{children}</SelectionContext.Provider>;
}

export const useSelection = () => useContext(SelectionContext);
