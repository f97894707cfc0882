import { assertNever } from '../assert';
import type { CriterionKey, RegulationProfile } from '../regulations';
import { makeInput, type Rule } from './context';
import { compileLexicon } from './lexicon';
import type { ReviewResources } from './resources';
import type { Finding, ReviewCase, ReviewResult } from './types';
import { abbreviations } from './rules/abbreviations';
import { accusations } from './rules/accusations';
import { addressee } from './rules/addressee';
import { deadline } from './rules/deadline';
import { emotional } from './rules/emotional';
import { evidence } from './rules/evidence';
import { internalIndex } from './rules/internal-index';
import { legalReferences } from './rules/legal-references';
import { objects } from './rules/objects';
import { personalData } from './rules/personal-data';
import { plainLanguage } from './rules/plain-language';
import { redirect } from './rules/redirect';
import { spelling } from './rules/spelling';
import { substance } from './rules/substance';

export function ruleFor(key: CriterionKey): Rule {
  switch (key) {
    case 'substance':
      return substance;
    case 'objects':
      return objects;
    case 'addressee':
      return addressee;
    case 'deadline':
      return deadline;
    case 'plain-language':
      return plainLanguage;
    case 'legal-references':
      return legalReferences;
    case 'spelling':
      return spelling;
    case 'internal-index':
      return internalIndex;
    case 'redirect':
      return redirect;
    case 'emotional':
      return emotional;
    case 'accusations':
      return accusations;
    case 'personal-data':
      return personalData;
    case 'abbreviations':
      return abbreviations;
    case 'evidence':
      return evidence;
    default:
      return assertNever(key);
  }
}

export type Reviewer = { check(profile: RegulationProfile, c: ReviewCase): ReviewResult };

/**
 * Compiles the resources once (validating the lists, wrapping the dictionary bytes) and returns a checker
 * that runs the profile's criteria, in the profile's order, each with its clause.
 */
export function createReviewer(resources: ReviewResources): Reviewer {
  const lex = compileLexicon(resources);
  return {
    check(profile, c) {
      const input = makeInput(c, lex);
      const result: ReviewResult = { criteria: [], findings: [] };
      for (const criterion of profile.criteria) {
        const out = ruleFor(criterion.key)(input);
        result.criteria.push({
          key: criterion.key,
          status: out.status,
          clause: criterion.clause,
          ...(out.hint ? { hint: out.hint } : {}),
        });
        for (const f of out.findings) {
          const finding: Finding = {
            key: criterion.key,
            start: f.start,
            end: f.end,
            message: f.message,
            clause: criterion.clause,
          };
          if (f.suggestion !== undefined) finding.suggestion = f.suggestion;
          result.findings.push(finding);
        }
      }
      result.findings.sort((a, b) => a.start - b.start || a.end - b.end);
      return result;
    },
  };
}
