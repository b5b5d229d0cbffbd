/** Builds the fix executor for a Doctor: the simulated session's runner, or the elevation runner on Windows. */
import { collectSnapshot } from '../collect/collector';
import type { Doctor } from '../services/doctor';
import { adminOnlyWithPowerShell } from '../org/loadOrg';
import { FixExecutor } from './executor';
import { SimulatedRunner } from './runner';
import { ProtectedUndoStore } from './undoStore';
import { WindowsRunner } from './windowsRunner';

/** One executor per Doctor (one machine); `dataDir` holds audit.jsonl and the saved snapshots. */
export function createFixExecutor(doctor: Doctor, dataDir: string, warn?: (m: string) => void): FixExecutor {
  const simulated = doctor.host.kind === 'simulated';
  return new FixExecutor({
    runner: simulated ? new SimulatedRunner(doctor.host) : new WindowsRunner(),
    dataDir,
    org: () => doctor.orgConfig,
    collect: (only) => collectSnapshot(doctor.host, { org: doctor.orgConfig, only }),
    simulated,
    warn,
    // On Windows undo data is read back only from the admin-only folder the elevated step writes; simulated: dataDir.
    ...(simulated ? {} : { undoStore: ProtectedUndoStore.forProgramData(process.env, (f) => adminOnlyWithPowerShell(f)) }),
  });
}
