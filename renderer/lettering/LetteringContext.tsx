import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { FaceLookup } from '../../app/balloons';
import { loadLetteringFaces } from './font-loader';

interface LetteringState {
  faces?: FaceLookup;
  error?: string;
}

const LetteringContext = createContext<LetteringState>({});

/** Loads the lettering fonts once and gives the canvas their faces (undefined until they are in). */
export function LetteringProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<LetteringState>({});
  useEffect(() => {
    let live = true;
    loadLetteringFaces().then(
      (map) => live && setState({ faces: (id) => map.get(id) }),
      (err: Error) => live && setState({ error: err.message }),
    );
    return () => {
      live = false;
    };
  }, []);
  return <LetteringContext.Provider value={state}>{children}</LetteringContext.Provider>;
}

export const useLettering = () => useContext(LetteringContext);
