import type { PartVerdict, ResponsePart } from '../expectations/response.js';

// What toMatchResponse's message says beyond the pipeline's parts: which parts differ, each with the notes
// its own matcher would give, or, under .not, that every part matched.

/** `status 201 Created; header location: Any<String>; JSON body matching the expected subset` */
export function responseSummary(parts: readonly ResponsePart[]): string {
  return parts.map((part) => `${part.name} ${part.expected}`).join('; ');
}

export function responseNotes(
  isNot: boolean,
  parts: readonly ResponsePart[],
  verdicts: readonly PartVerdict[],
): string[] {
  if (isNot) return [`Every part matches: ${parts.map((part) => part.name).join(', ')}.`];
  const differing = parts.flatMap((part, i) => (verdicts[i]?.pass === false ? [{ part, verdict: verdicts[i] }] : []));
  const notes = [
    `${differing.length === 1 ? 'One part differs' : `${differing.length} parts differ`} (of ${parts.length}): ${differing.map(({ part }) => part.name).join(', ')}`,
  ];
  for (const { part, verdict } of differing) {
    const lines = verdict.notes().flatMap((note) => note.split('\n'));
    notes.push('', `✗ ${part.name}: expected ${part.expected}`, ...lines.map((l) => (l === '' ? l : `  ${l}`)));
  }
  return notes;
}
