/** Checks running: each probe's progress and status, from `collect:progress` events. */
import { ProbeList } from '../components/ProbeList';
import { ScreenHeading } from '../components/ScreenHeading';
import { useApp } from '../store/StoreContext';
import { SECTION_NAMES } from '../../src-shared/snapshot';

/** The checks screen. */
export function ChecksScreen() {
  const progress = useApp((s) => s.progress);
  const collecting = useApp((s) => s.collecting);
  const error = useApp((s) => s.collectError);
  const technical = useApp((s) => s.technical);
  const restart = useApp((s) => s.restart);
  const startChecks = useApp((s) => s.startChecks);
  const finished = Object.values(progress).filter((p) => p?.phase === 'finished').length;

  return (
    <>
      <ScreenHeading focusKey="checks">Checking this computer</ScreenHeading>
      {collecting === 'failed' ? (
        <>
          <p role="alert" className="error">
            The checks could not run: {error}
          </p>
          <div className="actions">
            <button type="button" className="primary" onClick={() => void startChecks()}>
              Try again
            </button>
            <button type="button" onClick={restart}>
              Back to the start
            </button>
          </div>
        </>
      ) : (
        <>
          <p>This takes a few seconds. Nothing is changed on this computer while it checks.</p>
          <div className="field">
            <label htmlFor="checks-progress">
              {finished} of {SECTION_NAMES.length} checks done
            </label>
            <progress id="checks-progress" max={SECTION_NAMES.length} value={finished} />
          </div>
        </>
      )}
      <ProbeList sections={SECTION_NAMES} progress={progress} technical={technical} />
    </>
  );
}
