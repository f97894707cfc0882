import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { slaForDetection, type ClockEvent, type RegulationProfile } from '../../../../src/shared/regulations';
import { profiles } from './fixtures';
import { cal, clockOf } from './clock-helpers';
import { t } from './test-calendar';

const MIN = 60_000;
const profileArb = fc.constantFrom(...Object.values(profiles));
const detectionArb = fc.integer({ min: 0, max: 60 * 24 * 25 }).map((m) => t(2, 0) + m * MIN);

/** Any log at all, in any order: the clock must cope with what a real workflow may record. */
function logArb(profile: RegulationProfile) {
  const levels = [undefined, ...profile.approvalChain.map((l) => l.id)];
  const event = fc.record({
    kind: fc.constantFrom(
      'routed',
      'returned',
      'draft-sent',
      'returned-for-rework',
      'approved',
      'published',
      'interim-published',
      'postponement-agreed',
      'stage-done',
    ),
    offset: fc.integer({ min: 0, max: 60 * 24 * 3 }),
    flag: fc.boolean(),
    level: fc.constantFrom(...levels),
    stage: fc.constantFrom('classify', 'upload', 'coexecutors', 'coexecutors-forward'),
    until: fc.integer({ min: 0, max: 60 * 24 * 10 }),
  });
  return fc
    .tuple(detectionArb, fc.array(event, { maxLength: 10 }), fc.integer({ min: 0, max: 60 * 24 * 12 }))
    .map(([detectedAt, raw, nowOffset]) => {
      const events: ClockEvent[] = [{ kind: 'detected', at: detectedAt }];
      for (const e of raw) {
        const at = detectedAt + e.offset * MIN;
        switch (e.kind) {
          case 'routed':
            events.push({ kind: 'routed', at, coexecutors: e.flag });
            break;
          case 'approved':
            events.push(
              e.level === undefined ? { kind: 'approved', at } : { kind: 'approved', at, level: e.level },
            );
            break;
          case 'postponement-agreed':
            events.push({ kind: 'postponement-agreed', at, until: at + e.until * MIN });
            break;
          case 'stage-done':
            events.push({ kind: 'stage-done', at, stage: e.stage });
            break;
          default:
            events.push({ kind: e.kind, at });
        }
      }
      return { events, now: detectedAt + nowOffset * MIN };
    });
}

describe('incident clock invariants', () => {
  it('never puts a stage deadline after the overall deadline, except the final answer after an interim one', () => {
    fc.assert(
      fc.property(
        profileArb.chain((p) =>
          fc.tuple(
            fc.constant(p),
            logArb(p),
            fc.constantFrom('normal', 'high') as fc.Arbitrary<'normal' | 'high'>,
          ),
        ),
        ([profile, { events, now }, importance]) => {
          const c = clockOf(profile, events, now, { importance });
          for (const s of c.stages) {
            if (s.id === 'final-after-interim') expect(s.deadline).toBe(c.finalDeadline);
            else expect(s.deadline, s.id).toBeLessThanOrEqual(c.answerDeadline);
            if (s.doneAt === null) expect(['on-time', 'warning', 'breached', 'pending']).toContain(s.state);
            else expect(['done', 'done-late']).toContain(s.state);
          }
          if (c.current !== null) expect([...c.stages.map((s) => s.id)]).toContain(c.current);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never gives a high-importance incident a later deadline than a normal one', () => {
    fc.assert(
      fc.property(profileArb, detectionArb, (profile, detectedAt) => {
        const normal = slaForDetection(profile, cal, detectedAt, 'normal');
        const high = slaForDetection(profile, cal, detectedAt, 'high');
        expect(high.deadline).toBeLessThanOrEqual(normal.deadline);
        const normalAt = new Map(normal.stages.map((s) => [s.id, s.deadline]));
        for (const s of high.stages) expect(s.deadline, s.id).toBeLessThanOrEqual(normalAt.get(s.id)!);
      }),
    );
  });

  it('keeps the high-importance overall deadline no later than the normal one for any log without postponement', () => {
    fc.assert(
      fc.property(
        profileArb.chain((p) => fc.tuple(fc.constant(p), logArb(p))),
        ([profile, { events, now }]) => {
          const log = events.filter((e) => e.kind !== 'postponement-agreed');
          const high = clockOf(profile, log, now, { importance: 'high' });
          const normal = clockOf(profile, log, now);
          expect(high.answerDeadline).toBeLessThanOrEqual(normal.answerDeadline);
        },
      ),
    );
  });

  it('schedules an on-time incident in order, each stage within the overall deadline', () => {
    fc.assert(
      fc.property(
        profileArb,
        detectionArb,
        fc.constantFrom('normal', 'high') as fc.Arbitrary<'normal' | 'high'>,
        (p, at, imp) => {
          const sla = slaForDetection(p, cal, at, imp);
          const main = sla.stages.filter((s) => !s.optional);
          for (let i = 1; i < main.length; i++) {
            expect(main[i]!.deadline).toBeGreaterThanOrEqual(main[i - 1]!.deadline);
          }
          expect(main.at(-1)).toMatchObject({ id: 'answer', deadline: sla.deadline });
        },
      ),
    );
  });
});
