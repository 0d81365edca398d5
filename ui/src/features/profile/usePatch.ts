import { useCallback, useEffect, useRef } from "react";
import { type EntityKind, edit, type IpcError, toIpcError } from "../../ipc";

/**
 * Patches the entity `id` of `kind` as a view shows it; `shown` is the data
 * the view is drawn from, and `id` is null while the view is not ready.
 *
 * One patch at a time: a view sends a whole list built from what it shows,
 * so a second change made before the first one's result is shown would be
 * built from the older list and take the first back. It is refused with a
 * message instead, and the field keeps what was typed.
 */
export function usePatch(kind: EntityKind, id: string | null, shown: unknown) {
  const pending = useRef(false);
  useEffect(() => {
    // A new view to build from: the change before it is shown in it.
    void shown;
    pending.current = false;
  }, [shown]);
  return useCallback(
    async (fields: Record<string, unknown>): Promise<IpcError | null> => {
      if (id === null) return toIpcError({ message: "Still loading; try again in a moment." });
      if (pending.current) {
        return toIpcError({ message: "The last change is still being saved; try again." });
      }
      pending.current = true;
      try {
        const reply = await edit({ op: "patch", kind, id, fields });
        // Nothing changed: no new view follows to clear the way.
        if (!reply.changed) pending.current = false;
        return null;
      } catch (e) {
        pending.current = false;
        return toIpcError(e);
      }
    },
    [kind, id],
  );
}
