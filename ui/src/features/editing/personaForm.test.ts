import { describe, expect, it } from "vitest";
import type { Persona } from "../../ipc";
import { draftFrom, emptyDraft, personaValue } from "./personaForm";

describe("persona drafts", () => {
  it("round-trip a persona, keeping the fields the form does not show", () => {
    const persona: Persona = {
      id: "p-1",
      name: "Dana",
      description: "Runs the data team",
      title: "Head of Data",
      status: "validated",
      priority: 4,
      needs: [{ need: "need-a", importance: 0.8 }],
      products: [{ product: "prod-a", relation: "uses" }],
      goals: ["Ship faster"],
      evidence: [{ kind: "interview" }],
      attributes: { region: "EU" },
    };
    expect(personaValue(draftFrom(persona))).toEqual(persona);
  });

  it("leaves out empty optional fields and empty rows", () => {
    const d = emptyDraft(new Set());
    d.name = "Noor";
    d.title = "  ";
    d.needs.push({ need: "", importance: "" });
    d.products.push({ product: "", relation: "targets" });
    const value = personaValue(d);
    expect(value).toEqual({ id: "p-new-1", name: "Noor" });
    expect(Object.keys(value)).toEqual(["id", "name"]);
  });

  it("parses the numbers typed and passes them on for the core to judge", () => {
    const d = emptyDraft(new Set(["p-new-1"]));
    d.name = "Kwame";
    d.priority = " 9 ";
    d.needs.push({ need: "need-a", importance: "1.5" });
    expect(d.id).toBe("p-new-2");
    expect(personaValue(d)).toMatchObject({
      priority: 9,
      needs: [{ need: "need-a", importance: 1.5 }],
    });
  });

  it("says what is not a number beside its field, by the index of the row sent", () => {
    const d = emptyDraft(new Set());
    d.priority = "high";
    d.needs.push(
      { need: "", importance: "0.5" },
      { need: "need-a", importance: "" },
      { need: "need-b", importance: "lots" },
    );
    expect(personaValue(d)).toEqual([
      { path: "priority", message: "must be a number, not “high”" },
      { path: "needs[0].importance", message: "missing; enter a number" },
      { path: "needs[1].importance", message: "must be a number, not “lots”" },
    ]);
  });
});
