/**
 * Reads a legacy statistics table (统计指标 | 单位 | 统计数 and its variants)
 * into rows placed in their numbering hierarchy, with canonical keys where a
 * row has one. Every row is kept under its label path, keyed or not.
 */

import { LEGACY_KEYS } from '../formats/legacy';
import type { LegacyRow } from '../model/report';
import { normalizeLabel, splitNumbering } from '../text/normalise';
import type { Grid, GridCell } from './grid';
import { type LegacyLayout, legacyLabelledRows } from './layout';

export interface LegacyRowCell {
  row: LegacyRow;
  labelCell: GridCell;
  valueCell: GridCell | null;
}

/** The labelled rows of a legacy table (lib/tables/layout.ts decides which), in their hierarchy. */
export function mapLegacyTable(grid: Grid, layout: LegacyLayout): LegacyRowCell[] {
  const out: LegacyRowCell[] = [];
  // Ancestors of the current row: the nearest row of each lower level.
  const stack: { level: number; index: number }[] = [];
  const usedKeys = new Set<string>();
  let prevLevel = 0;
  let prevSubset = false;
  for (const { r, labelCell } of legacyLabelledRows(grid, layout)) {
    const slots = grid.slots[r] ?? [];
    const unitCell = slots[layout.unitCol];
    const valueCell = slots[layout.valueCol];
    const ownValue =
      valueCell && valueCell !== labelCell && valueCell !== unitCell ? valueCell : null;
    const ownUnit = unitCell && unitCell !== labelCell ? unitCell.text : '';

    const numbering = splitNumbering(labelCell.text);
    // An unnumbered row continues the list it follows (其中：A / B / C).
    const level = numbering.level === 0 ? prevLevel : numbering.level;
    const subset: boolean = numbering.level === 4 || (numbering.level === 0 && prevSubset);
    while (stack.length > 0 && (stack[stack.length - 1]?.level ?? 0) >= level && level > 0)
      stack.pop();
    const ancestors = stack.map((s) => out[s.index]).filter((a): a is LegacyRowCell => !!a);

    const rest = normalizeLabel(numbering.rest);
    const ancestorKeys = new Set(ancestors.map((a) => a.row.key).filter(Boolean));
    const entry = LEGACY_KEYS.find(
      (e) => !usedKeys.has(e.key) && e.label.test(rest) && (!e.under || ancestorKeys.has(e.under)),
    );
    if (entry) usedKeys.add(entry.key);

    const row: LegacyRow = {
      row: r,
      label: labelCell.text,
      path: [...ancestors.map((a) => a.row.label), labelCell.text],
      level: numbering.level === 0 ? 0 : numbering.level,
      subset,
      unit: ownUnit,
      value: ownValue ? ownValue.value : { kind: 'blank' },
      ...(entry ? { key: entry.key } : {}),
    };
    out.push({ row, labelCell, valueCell: ownValue });
    if (level > 0) stack.push({ level, index: out.length - 1 });
    prevLevel = level;
    prevSubset = subset;
  }
  return out;
}
