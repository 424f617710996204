/** Helpers the narrative reader's tests share: claims as the checks compare them. */
import { expect } from 'vitest';
import type { Claim } from '../../../lib/model/report';
import { extractClaims } from '../../../lib/narrative/claims';

/** Subject and value of each claim, in reading order: the part a check compares. */
export function pairs(text: string, year: number | null = 2023): [string, number][] {
  return extractClaims(text, { year }).map((c) => [c.subject, c.value]);
}

/** The one claim of `subject` the text makes (the test fails if there are none or several). */
export function only(text: string, subject: string, year: number | null = 2023): Claim {
  const found = extractClaims(text, { year }).filter((c) => c.subject === subject);
  expect(found).toHaveLength(1);
  return found[0] as Claim;
}
