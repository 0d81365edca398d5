import { CompareDialog } from "./CompareDialog";
import { ImportDialog } from "./ImportDialog";
import { MergeDialog } from "./MergeDialog";
import type { Transfer } from "./useTransfer";

/** The transfer dialog `transfer` has open, if any. */
export function OpenTransfer({ transfer, into }: { transfer: Transfer; into: string }) {
  const { opened, close, done } = transfer;
  if (opened === null) return null;
  switch (opened.kind) {
    case "import":
      return (
        <ImportDialog key={opened.serial} start={opened.start} onClose={close} onDone={done} />
      );
    case "merge":
      return (
        <MergeDialog
          key={opened.serial}
          choice={opened.choice}
          into={into}
          onClose={close}
          onDone={done}
        />
      );
    case "compare":
      return <CompareDialog key={opened.serial} comparison={opened.comparison} onClose={close} />;
  }
}
