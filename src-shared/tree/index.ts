/** The decision tree's public surface: the data, its types and the pure engine. */
export { TREE } from './tree';
export { holds, matchedFindings, nextNode, targets, walk } from './engine';
export type { PathStep, Step, Walk } from './engine';
export type * from './types';
