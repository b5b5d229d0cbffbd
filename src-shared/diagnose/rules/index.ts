/** Every diagnosis rule, in the order findings are reported. A new root cause is one entry here. */
import type { Rule } from '../context';
import { insideCorpnetRule, notConfiguredRule } from './daPolicy';
import { editionRule } from './edition';
import { ipHelperRule } from './services';
import { ipv6Rule } from './ipv6';
import { clockSkewRule } from './clock';
import { certExpiredRule, partialChainRule, revocationRule, untrustedRootRule } from './trust';
import { invalidUrlRule, nameMismatchRule } from './name';
import { proxyRule } from './proxy';
import { nrptRule } from './nrpt';
import { unreachableRule } from './reachability';
import { tlsRule } from './tls';
import { preauthInvalidRule, preauthMissingRule } from './preauth';
import { interfaceErrorRule, unknownErrorRule } from './ipHttpsCodes';
import {
  isatapDefaultStateRule,
  isatapGlobalRule,
  isatapNoGlobalAddressRule,
  isatapNotConfiguredRule,
  isatapRouterUnresolvedRule,
  isatapTopologyRule,
} from './isatap';

/** The rule list: machine-level causes first, then IP-HTTPS, then ISATAP. */
export const RULES: readonly Rule[] = [
  editionRule,
  notConfiguredRule,
  insideCorpnetRule,
  ipHelperRule,
  ipv6Rule,
  clockSkewRule,
  untrustedRootRule,
  partialChainRule,
  certExpiredRule,
  revocationRule,
  invalidUrlRule,
  nameMismatchRule,
  proxyRule,
  nrptRule,
  unreachableRule,
  preauthMissingRule,
  preauthInvalidRule,
  tlsRule,
  interfaceErrorRule,
  unknownErrorRule,
  isatapNotConfiguredRule,
  isatapDefaultStateRule,
  isatapRouterUnresolvedRule,
  isatapNoGlobalAddressRule,
  isatapGlobalRule,
  isatapTopologyRule,
];
