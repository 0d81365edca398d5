import type { CustomerSegment, IpcProblem } from "../../ipc";
import { type Common, freeId, named, numberAt, numberText, optional } from "./draft";

/** A customer segment as the form holds it. */
export type CustomerSegmentDraft = Common<CustomerSegment, "priority"> & { priority: string };

/** A draft from a customer segment as the interchange format writes it. */
export function customerSegmentDraft({
  id,
  name,
  description,
  priority,
  ...rest
}: CustomerSegment): CustomerSegmentDraft {
  return { id, name, description: description ?? "", rest, priority: numberText(priority) };
}

/** A new customer segment with an id no other entity has. */
export function emptyCustomerSegment(taken: Set<string>): CustomerSegmentDraft {
  return customerSegmentDraft({ id: freeId("cs", taken), name: "" });
}

/** The customer segment in the interchange format, or what keeps the
 * priority typed from being a number. */
export function customerSegmentValue(d: CustomerSegmentDraft): CustomerSegment | IpcProblem[] {
  const problems: IpcProblem[] = [];
  const priority = numberAt(d.priority, "priority", problems);
  if (problems.length > 0) return problems;
  return { ...d.rest, ...named(d), ...optional("priority", priority) };
}
