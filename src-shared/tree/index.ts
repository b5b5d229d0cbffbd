/** The decision tree's public surface: the data, its types and the pure engine. */
export { TREE } from './tree';
export { FIX_STEP_STATUSES, STEP_STATUSES, effectiveRole, fixStepStatus, holds, matchedFindings, nextNode, targets, walk } from './engine';
export type { FixStepStatus, PathStep, Step, Walk } from './engine';
export type * from './types';
