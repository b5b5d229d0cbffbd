/** edition-unsupported: the Windows edition cannot be a DirectAccess client (knowledge F.10, G). */
import { defineCause } from '../cause';
import { ev, finding } from '../evidence';
import { escalate } from '../../tree/build';

// OperatingSystemSKU values. Windows 7: Ultimate/Enterprise (+N/E/evaluation). Windows 8+: Enterprise family only;
// Windows 10+: Enterprise family and Education.
const ENTERPRISE = [4, 27, 70, 72, 84, 125, 126, 129, 130, 171, 172, 175];
const WIN7_EXTRA = [1, 28, 71];
const EDUCATION = [121, 122];

/** True when this OS can be a DirectAccess client; servers always can. */
export function editionSupported(os: { build: number; sku: number; caption: string; productType: number }): boolean {
  if (os.productType !== 1) return true;
  const win7 = os.build < 9200;
  const win10 = os.build >= 10240;
  const skus = [...ENTERPRISE, ...(win7 ? WIN7_EXTRA : []), ...(win10 ? EDUCATION : [])];
  if (skus.includes(os.sku)) return true;
  const words = win7 ? /enterprise|ultimate/i : win10 ? /enterprise|education/i : /enterprise/i;
  // A SKU we do not know but a caption that names a supported edition: trust the caption, don't flag.
  return words.test(os.caption) && !/\bpro(fessional)?\b|home|core/i.test(os.caption);
}

export const editionUnsupported = defineCause({
  id: 'edition-unsupported',
  explains: '*',
  rule: {
    roles: ['client'],
    run: (ctx) => {
      const os = ctx.need('os');
      if (!os || editionSupported(os)) return null;
      const nca = ctx.peek('services')?.['NcaSvc'];
      const wants = os.build < 9200 ? 'Enterprise or Ultimate' : os.build >= 10240 ? 'Enterprise or Education' : 'Enterprise';
      const evidence = [ev('os', 'caption', os.caption, `Windows ${wants}`), ev('os', 'sku', os.sku, wants, 'Win32_OperatingSystem.OperatingSystemSKU')];
      if (nca && nca.exists && nca.status !== 'Running') {
        evidence.push(ev('services', 'NcaSvc.status', nca.status, 'Running', 'symptom: the Network Connectivity Assistant does not start on this edition'));
      }
      return finding({
        id: 'edition-unsupported',
        severity: 'error',
        title: 'This edition of Windows cannot use DirectAccess',
        plain: `This computer runs ${os.caption}. DirectAccess (the automatic connection to your organisation’s network) only works on Windows ${wants}, so nothing on this computer can make it connect. Your organisation’s IT department needs to upgrade the edition or give you another way in, such as a VPN.`,
        technical: `OperatingSystemSKU ${os.sku} ("${os.caption}", build ${os.build}) is not a DirectAccess client edition (${wants} required). On unsupported editions NcaSvc fails to start and the DirectAccess client policy has no effect.`,
        evidence,
        escalate: true,
        adminAction: `Upgrade ${os.computerName} to Windows ${wants} (e.g. a volume-licence Enterprise key or subscription activation), or remove it from the DirectAccess client group and provide VPN access instead.`,
        commands: ['Get-CimInstance Win32_OperatingSystem | Select-Object Caption, OperatingSystemSKU, BuildNumber', 'Get-Service NcaSvc'],
      });
    },
  },
  guide: {
    steps: [
      {
        chain: 'client',
        id: 'edition',
        title: 'Windows edition',
        plain: 'Checking that this edition of Windows can use DirectAccess.',
        then: 'escalate-edition',
      },
    ],
    nodes: [
      escalate(
        'escalate-edition',
        'edition-unsupported',
        'This Windows edition cannot use DirectAccess',
        'DirectAccess only works on the Enterprise edition of Windows (and on Education from Windows 10, Ultimate on Windows 7). Your organisation’s IT department needs to upgrade this computer or give you another way to connect.',
      ),
    ],
  },
});
