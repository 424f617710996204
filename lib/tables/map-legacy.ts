/**
 * Reads a legacy statistics table (统计指标 | 单位 | 统计数 and its variants)
 * into rows placed in their numbering hierarchy, with canonical keys where a
 * row has one. Every row is kept under its label path, keyed or not.
 */

import { LEGACY_HEADER, LEGACY_KEYS } from '../formats/legacy';
import type { LegacyRow } from '../model/report';
import { normalizeLabel, splitNumbering } from '../text/normalise';
import type { Grid, GridCell } from './grid';

interface LegacyColumns {
  headerRow: number;
  label: number;
  unit: number;
  value: number;
}

/** Locates the header row and its label / unit / value columns, or null when the table is not of this shape. */
export function findLegacyColumns(grid: Grid): LegacyColumns | null {
  const limit = Math.min(grid.height, 4);
  for (let r = 0; r < limit; r++) {
    const row = grid.slots[r] ?? [];
    let label = -1;
    let unit = -1;
    let value = -1;
    for (let c = 0; c < grid.width; c++) {
      const cell = row[c];
      if (!cell || cell.col !== c) continue;
      const text = normalizeLabel(cell.text);
      if (label < 0 && LEGACY_HEADER.label.test(text)) label = c;
      else if (unit < 0 && LEGACY_HEADER.unit.test(text)) unit = c;
      else if (label >= 0 && value < 0 && LEGACY_HEADER.value.test(text)) value = c;
    }
    if (label >= 0 && unit >= 0) {
      if (value < 0) value = grid.width - 1;
      return { headerRow: r, label, unit, value };
    }
  }
  return null;
}

export interface LegacyRowCell {
  row: LegacyRow;
  labelCell: GridCell;
  valueCell: GridCell | null;
}

export function mapLegacyTable(grid: Grid, cols: LegacyColumns): LegacyRowCell[] {
  const out: LegacyRowCell[] = [];
  // Ancestors of the current row: the nearest row of each lower level.
  const stack: { level: number; index: number }[] = [];
  const usedKeys = new Set<string>();
  let prevLevel = 0;
  let prevSubset = false;
  let prevLabelCell: GridCell | null = null;
  for (let r = cols.headerRow + 1; r < grid.height; r++) {
    const slots = grid.slots[r] ?? [];
    const labelCell = slots[cols.label];
    if (!labelCell || labelCell === prevLabelCell || labelCell.text === '') continue;
    prevLabelCell = labelCell;
    const unitCell = slots[cols.unit];
    const valueCell = slots[cols.value];
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
