import { useCallback, useEffect, useRef, useState } from "react";
import { addStarterSet, type IpcError, type StarterSet, starterSets, toIpcError } from "../../ipc";
import { addedMessage, remaining, type SetState, starterFailure } from "./starter";

// The sets are the core's, the same for every project and for the whole
// run: read once, and again only after a failed read.
let asked: Promise<StarterSet[]> | null = null;

function readSets(): Promise<StarterSet[]> {
  if (asked === null) {
    asked = starterSets();
    asked.catch(() => {
      asked = null;
    });
  }
  return asked;
}

/** The starter sets, read once for the whole run: null while they are
 * being read, and what failed if they could not be. */
export function useStarterSets(): { sets: StarterSet[] | null; failure: IpcError | null } {
  const [sets, setSets] = useState<StarterSet[] | null>(null);
  const [failure, setFailure] = useState<IpcError | null>(null);
  useEffect(() => {
    let live = true;
    readSets()
      .then((s) => live && setSets(s))
      .catch((e: unknown) => live && setFailure(toIpcError(e)));
    return () => {
      live = false;
    };
  }, []);
  return { sets, failure };
}

/** Adding starter sets to the open project, one at a time, and where each
 * stands: each set is one edit, which one undo takes back. */
export function useStarterAdding(sets: readonly StarterSet[]) {
  const [states, setStates] = useState<ReadonlyMap<string, SetState>>(new Map());
  // The states as the last add left them, for Add All, which goes on
  // after each add without waiting for a render.
  const current = useRef(states);
  const put = useCallback((id: string, state: SetState) => {
    const next = new Map(current.current);
    next.set(id, state);
    current.current = next;
    setStates(next);
  }, []);

  const add = useCallback(
    async (set: StarterSet) => {
      put(set.id, { kind: "adding" });
      try {
        const { added } = await addStarterSet(set.id);
        put(set.id, { kind: "added", message: addedMessage(set, added) });
      } catch (e) {
        put(set.id, { kind: "failed", message: starterFailure(toIpcError(e)) });
      }
    },
    [put],
  );

  // One set after the other: each is an edit of its own, checked against
  // the project the one before left.
  const addAll = useCallback(async () => {
    for (const set of remaining(sets, current.current)) await add(set);
  }, [sets, add]);

  const busy = [...states.values()].some((s) => s.kind === "adding");
  return { states, add, addAll, busy, left: remaining(sets, states).length };
}
