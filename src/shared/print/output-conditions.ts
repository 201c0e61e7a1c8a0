/**
 * Printing conditions a PDF/X file may name in its OutputIntent, as data beside the
 * colour schemes (`schemes.ts`): the scheme's CMYK values are meant for one of these.
 *
 * N.B. THIS FILE IS IMPORTED IN BOTH SERVER- AND CLIENT-SIDE CODE: no `node:*`, no DOM.
 *
 * Each is a characterisation registered with the ICC (https://www.color.org/registry2.xalter):
 * PDF/X-1a allows naming a registered condition without embedding its profile, and a
 * print shop's RIP knows these names. Japan Color 2001 Coated is the default (common in
 * Vietnamese shops); FOGRA39 is the European offset standard.
 */

import { findById, getById } from './by-id.ts';

export interface OutputCondition {
  /** Identifier for options and file lists (ASCII, kebab-case). */
  readonly id: string;
  /** `/OutputConditionIdentifier`: the ICC registry's reference name. */
  readonly identifier: string;
  /** `/Info` and the name shown to readers and print shops. */
  readonly name: string;
  /** `/OutputCondition`: the printing process, in words. */
  readonly condition: string;
  /** `/RegistryName`. */
  readonly registry: string;
}

const ICC_REGISTRY = 'http://www.color.org';

/** Every condition; the first is the default. */
export const OUTPUT_CONDITIONS: readonly OutputCondition[] = Object.freeze([
  {
    id: 'japan-color-2001-coated',
    identifier: 'JC200103',
    name: 'Japan Color 2001 Coated',
    condition: 'Offset printing, coated paper (Japan Color 2001 Coated)',
    registry: ICC_REGISTRY,
  },
  {
    id: 'fogra39',
    identifier: 'FOGRA39',
    name: 'Coated FOGRA39 (ISO 12647-2:2004)',
    condition: 'Offset printing, ISO 12647-2:2004/Amd 1, paper type 1 or 2 (coated art)',
    registry: ICC_REGISTRY,
  },
] satisfies OutputCondition[]);

/** The condition every PDF names unless asked otherwise. */
export const DEFAULT_OUTPUT_CONDITION: OutputCondition = OUTPUT_CONDITIONS[0] as OutputCondition;

/** The condition with this id, or `undefined`. */
export function findOutputCondition(id: string): OutputCondition | undefined {
  return findById(OUTPUT_CONDITIONS, id);
}

/** The condition with this id; throws on an unknown id (a programming error). */
export function getOutputCondition(id: string): OutputCondition {
  return getById(OUTPUT_CONDITIONS, id, 'output condition');
}
