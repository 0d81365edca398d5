import { useMemo } from "react";
import { filterChoices, isFiltered, type MapFilter, NO_FILTER } from "../../graph/filter";
import type { MapView, Status } from "../../ipc";

const STATUS_LABEL: Record<Status, string> = {
  proto: "Proto",
  validated: "Validated",
  detailed: "Detailed",
};

/** The map's filters: segment, role, product, status and confidence, with a
 * reset. */
export function MapFilters({
  map,
  filter,
  onChange,
}: {
  map: MapView;
  filter: MapFilter;
  onChange: (f: MapFilter) => void;
}) {
  const choices = useMemo(() => filterChoices(map), [map]);
  return (
    // A plain box: WebKitGTK lays a fieldset out as a block whatever its
    // display, which stacked the filters; each select has its own label.
    <div className="filters">
      <label>
        <span className="visually-hidden">Market segment</span>
        <select
          value={filter.segment}
          title={choices.segments.find((s) => s.id === filter.segment)?.name}
          onChange={(e) => onChange({ ...filter, segment: e.target.value })}
        >
          <option value="">All segments</option>
          {choices.segments.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="visually-hidden">Buying role</span>
        <select
          value={filter.role}
          title={filter.role || undefined}
          onChange={(e) => onChange({ ...filter, role: e.target.value })}
        >
          <option value="">All roles</option>
          {choices.roles.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="visually-hidden">Product</span>
        <select
          value={filter.product}
          title={choices.products.find((p) => p.id === filter.product)?.name}
          onChange={(e) => onChange({ ...filter, product: e.target.value })}
        >
          <option value="">All products</option>
          {choices.products.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="visually-hidden">Status</span>
        <select
          value={filter.status}
          onChange={(e) => onChange({ ...filter, status: e.target.value as Status | "" })}
        >
          <option value="">Any status</option>
          {choices.statuses.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABEL[s]}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="visually-hidden">Confidence</span>
        <select
          value={filter.confidence}
          onChange={(e) =>
            onChange({ ...filter, confidence: e.target.value === "low" ? "low" : "" })
          }
        >
          <option value="">Any confidence</option>
          <option value="low">Low confidence</option>
        </select>
      </label>
      {isFiltered(filter) && (
        <button type="button" className="ghost" onClick={() => onChange(NO_FILTER)}>
          Clear filters
        </button>
      )}
    </div>
  );
}
