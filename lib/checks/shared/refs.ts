/**
 * Identity of a printed cell across findings: a cell met through the legacy
 * tree and the same cell met through a section instance are different objects,
 * so rules compare them by this id, never by reference.
 */
import type { CellRef } from '../../model/report';

export const refId = (ref: CellRef): string => ref.key ?? `${ref.table}:${ref.r}:${ref.c}`;
